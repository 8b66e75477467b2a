#ifndef COLLECTIVE_FUZZ_DRIVER_H
#define COLLECTIVE_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt's FuzzerDriver.cpp), linked in by `-sanitize=fuzzer`.
/// The fuzz targets call it from their own entry point: SwiftPM names an executable's entry
/// point after the module and links it as `main`, so libFuzzer's own `main` is not used.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
