#if Live
/// A failed librados, librbd or libcephfs call: what was being done, to what, and the errno
/// (go-ceph's error model: a source plus a matchable errno). Prints as
/// "cannot create image vm-101-disk-0 in pool rbd: permission denied (EPERM)".
///
/// Messages never contain a key: targets are names of pools, images, paths and commands.
public struct CephError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was attempted, as a verb phrase: "create image", "connect to the cluster".
    public let operation: String
    /// What it was attempted on: "vm-101-disk-0 in pool rbd"; empty when there is none.
    public let target: String
    public let errno: CephErrno
    /// The status text a mon or mgr command returned with the error, if any.
    public let detail: String

    public init(_ operation: String, _ target: String = "", errno: CephErrno, detail: String = "") {
        self.operation = operation
        self.target = target
        self.errno = errno
        self.detail = detail
    }

    public var description: String {
        var text = "cannot \(operation)"
        if !target.isEmpty { text += " \(target)" }
        text += ": \(errno)"
        if !detail.isEmpty { text += ": \(detail)" }
        return text
    }

    /// Throws when `code` (a C return value) is negative.
    @discardableResult
    static func check(_ code: Int32, _ operation: @autoclosure () -> String, _ target: @autoclosure () -> String = "") throws(CephError) -> Int32 {
        if code < 0 { throw CephError(operation(), target(), errno: CephErrno(rawValue: code)) }
        return code
    }

    @discardableResult
    static func check(_ code: Int, _ operation: @autoclosure () -> String, _ target: @autoclosure () -> String = "") throws(CephError) -> Int {
        if code < 0 { throw CephError(operation(), target(), errno: CephErrno(rawValue: Int32(truncatingIfNeeded: code))) }
        return code
    }
}
#endif
