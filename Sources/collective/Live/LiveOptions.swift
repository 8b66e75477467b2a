#if Live
import ArgumentParser
import CephLive
import Foundation
import Simulation

/// The connection options every `collective live` command takes, spelled as Ceph's own tools
/// spell them.
struct LiveOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .customLong("conf")], help: "Ceph config file (default: $CEPH_CONF, then /etc/ceph/ceph.conf).")
    var conf: String?

    @Option(name: .customLong("id"), help: "Client id, e.g. admin (the name without 'client.').")
    var id: String?

    @Option(name: .customLong("name"), help: "Entity name, e.g. client.admin.")
    var name: String?

    @Option(name: .customLong("keyring"), help: "Keyring file (default: the config file's keyring option).")
    var keyring: String?

    @Option(name: .customLong("timeout"), help: "Seconds for connecting and for each mon and OSD operation.")
    var timeout: Int = 10

    @Option(name: [.customShort("f"), .customLong("format")], help: "Output: text or json.")
    var format: LiveFormat = .text

    func validate() throws {
        if id != nil && name != nil { throw ValidationError("give --id or --name, not both") }
        if let name, !name.contains(".") { throw ValidationError("--name needs TYPE.ID, e.g. client.admin") }
        if timeout < 1 { throw ValidationError("--timeout needs at least 1 second") }
    }

    var config: ClientConfig {
        let entity = name ?? "client." + (id ?? "admin")
        return ClientConfig(confPath: conf, name: entity, keyringPath: keyring, timeoutSeconds: timeout)
    }

    func connect() throws -> Rados { try Rados(config) }
}

/// `-f text|json`.
enum LiveFormat: String, ExpressibleByArgument, Sendable {
    case text, json
}

/// Writing a result as text or as JSON (keys sorted, so output is stable).
enum LiveOutput {
    static func emit<T: Encodable>(_ value: T, _ format: LiveFormat, text: () -> String) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(value)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        case .text:
            let t = text()
            FileHandle.standardOutput.write(Data((t.hasSuffix("\n") || t.isEmpty ? t : t + "\n").utf8))
        }
    }

    /// A confirmation for commands without another result.
    struct Done: Encodable {
        var done: String
    }

    static func done(_ message: String, _ format: LiveFormat) throws {
        try emit(Done(done: message), format) { message }
    }
}

/// A size argument: `10GiB`, `512Mi`, `1000000` (bytes).
struct SizeArgument: ExpressibleByArgument {
    var bytes: UInt64
    init?(argument: String) {
        guard let size = ByteSize(parsing: argument) else { return nil }
        bytes = size.bytes
    }
}

/// `[POOL/]IMAGE[@SNAP]`, as the `rbd` tool writes an image.
struct ImageSpec: ExpressibleByArgument, CustomStringConvertible {
    var pool: String?
    var image: String
    var snapshot: String?

    init?(argument: String) {
        var rest = Substring(argument)
        if let at = rest.firstIndex(of: "@") {
            snapshot = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            if snapshot!.isEmpty { return nil }
        }
        if let slash = rest.firstIndex(of: "/") {
            pool = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        image = String(rest)
        if image.isEmpty { return nil }
    }

    var description: String { (pool.map { $0 + "/" } ?? "") + image + (snapshot.map { "@" + $0 } ?? "") }

    func pool(_ fallback: String) -> String { pool ?? fallback }

    func requireSnapshot() throws -> String {
        guard let snapshot else { throw ValidationError("\(self): give IMAGE@SNAPSHOT") }
        return snapshot
    }
}
#endif
