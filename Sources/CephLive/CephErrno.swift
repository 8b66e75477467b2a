#if Live
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An errno value as librados, librbd and libcephfs return it (negated), with its Swift-side
/// name. Modelled on swift-system's `Errno`: the C functions return `-errno`, and the name is
/// what a person searches for ("EPERM", "ETIMEDOUT").
public struct CephErrno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The positive errno value.
    public let rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue < 0 ? -rawValue : rawValue }

    public static let operationNotPermitted = CephErrno(rawValue: EPERM)
    public static let noSuchFileOrDirectory = CephErrno(rawValue: ENOENT)
    public static let permissionDenied = CephErrno(rawValue: EACCES)
    public static let busy = CephErrno(rawValue: EBUSY)
    public static let fileExists = CephErrno(rawValue: EEXIST)
    public static let invalidArgument = CephErrno(rawValue: EINVAL)
    public static let noSpace = CephErrno(rawValue: ENOSPC)
    public static let range = CephErrno(rawValue: ERANGE)
    public static let notEmpty = CephErrno(rawValue: ENOTEMPTY)
    public static let noData = CephErrno(rawValue: ENODATA)
    public static let timedOut = CephErrno(rawValue: ETIMEDOUT)
    public static let connectionRefused = CephErrno(rawValue: ECONNREFUSED)
    public static let quotaExceeded = CephErrno(rawValue: EDQUOT)

    /// The C macro name, e.g. "EPERM"; "errno N" for a value without a name here.
    public var name: String {
        Self.names[rawValue] ?? "errno \(rawValue)"
    }

    /// `strerror`'s text in lower case, e.g. "permission denied".
    public var message: String {
        guard let text = strerror(rawValue) else { return "error \(rawValue)" }
        return String(cString: text).lowercased()
    }

    /// "permission denied (EACCES)".
    public var description: String { "\(message) (\(name))" }

    private static let names: [Int32: String] = [
        EPERM: "EPERM", ENOENT: "ENOENT", ESRCH: "ESRCH", EINTR: "EINTR", EIO: "EIO", ENXIO: "ENXIO",
        E2BIG: "E2BIG", EBADF: "EBADF", EAGAIN: "EAGAIN", ENOMEM: "ENOMEM", EACCES: "EACCES",
        EFAULT: "EFAULT", EBUSY: "EBUSY", EEXIST: "EEXIST", EXDEV: "EXDEV", ENODEV: "ENODEV",
        ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", EINVAL: "EINVAL", ENFILE: "ENFILE", EMFILE: "EMFILE",
        EFBIG: "EFBIG", ENOSPC: "ENOSPC", EROFS: "EROFS", EMLINK: "EMLINK", EPIPE: "EPIPE",
        EDOM: "EDOM", ERANGE: "ERANGE", EDEADLK: "EDEADLK", ENAMETOOLONG: "ENAMETOOLONG",
        ENOSYS: "ENOSYS", ENOTEMPTY: "ENOTEMPTY", ENODATA: "ENODATA", ETIME: "ETIME",
        ENOTSUP: "EOPNOTSUPP", ENOTCONN: "ENOTCONN", ETIMEDOUT: "ETIMEDOUT",
        ECONNREFUSED: "ECONNREFUSED", EHOSTUNREACH: "EHOSTUNREACH", EALREADY: "EALREADY",
        EINPROGRESS: "EINPROGRESS", EDQUOT: "EDQUOT", ECANCELED: "ECANCELED", EOVERFLOW: "EOVERFLOW",
        ESHUTDOWN: "ESHUTDOWN", ENOTBLK: "ENOTBLK", ETXTBSY: "ETXTBSY", ENOLINK: "ENOLINK",
    ]
}
#endif
