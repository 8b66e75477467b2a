#if MQTT
import CMosquitto
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// libmosquitto's global state: `mosquitto_lib_init` when the first client is made,
/// `mosquitto_lib_cleanup` when the last one is destroyed, so the library's resources are
/// released deterministically and initialised exactly once per use.
///
/// libmosquitto writes to its socket with `write(2)`: a broker that goes away would end the
/// process with SIGPIPE. The first initialisation therefore ignores SIGPIPE (the write then
/// fails with EPIPE, which the client reports as a lost connection).
enum MosquittoLibrary {
    private static let users = Mutex(0)

    static func retain() {
        users.withLock { count in
            if count == 0 {
                _ = mosquitto_lib_init()
                _ = signal(SIGPIPE, SIG_IGN)
            }
            count += 1
        }
    }

    static func release() {
        users.withLock { count in
            count -= 1
            if count == 0 { _ = mosquitto_lib_cleanup() }
        }
    }

    /// `mosquitto_strerror` for a return code.
    static func message(_ code: Int32) -> String {
        guard let text = mosquitto_strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// `mosquitto_connack_string` for a CONNACK return code.
    static func connackMessage(_ code: Int32) -> String {
        guard let text = mosquitto_connack_string(code) else { return "refused (\(code))" }
        return String(cString: text)
    }
}
#endif
