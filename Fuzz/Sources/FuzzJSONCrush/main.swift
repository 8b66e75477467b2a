import FuzzDriver

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Hands control to libFuzzer, which calls `LLVMFuzzerTestOneInput` (FuzzJSONCrush.swift) for
// every input; libFuzzer's flags are this program's arguments.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    fuzzJSONCrush(data, size)
}
exit(status)
