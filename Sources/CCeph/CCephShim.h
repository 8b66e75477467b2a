// librados, librbd and libcephfs (Ceph 16.2.15, Debian: librados-dev librbd-dev libcephfs-dev)
// for the CephLive module. Built only with the package trait `Live`.
#ifndef CCEPH_SHIM_H
#define CCEPH_SHIM_H

// The system headers first, as Swift's Glibc module sees them (without _FILE_OFFSET_BITS=64).
#include <features.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/statvfs.h>
#include <sys/socket.h>
#include <stdint.h>
#include <stdbool.h>
#include <fcntl.h>
#include <dirent.h>
#include <errno.h>

#include <rados/librados.h>
#include <rbd/librbd.h>

// libcephfs.h refuses glibc without __USE_FILE_OFFSET64 because readdir's struct dirent must be
// the 64-bit one. On LP64 (x86_64, aarch64) struct dirent, off_t and ino_t are already 64-bit,
// so the guard is satisfied for this header only.
#if defined(__GLIBC__) && !defined(__USE_FILE_OFFSET64)
#if !defined(__LP64__)
#error CCeph: libcephfs needs a 64-bit platform
#endif
#define __USE_FILE_OFFSET64 1
#define CCEPH_DEFINED_FILE_OFFSET64 1
#endif
#include <cephfs/libcephfs.h>
#ifdef CCEPH_DEFINED_FILE_OFFSET64
#undef __USE_FILE_OFFSET64
#undef CCEPH_DEFINED_FILE_OFFSET64
#endif

/// LIBRADOS_SNAP_HEAD, a cast macro Swift does not import.
static const uint64_t cceph_snap_head = LIBRADOS_SNAP_HEAD;

#endif
