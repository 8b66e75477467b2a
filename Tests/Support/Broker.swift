import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real mosquitto broker (Debian's `mosquitto`) for one test: on 127.0.0.1 at a free port,
/// configured in a temporary directory, stopped by its pid.
public final class Broker {
    public static let executable = ["/usr/sbin/mosquitto", "/usr/bin/mosquitto"].first { FileManager.default.isExecutableFile(atPath: $0) }
    public let port: Int
    public let directory: URL
    private var process: Process?

    public struct Failure: Error, CustomStringConvertible { public var description: String }

    /// With `users`, the broker refuses anonymous clients and knows these user names and
    /// passwords (written with `mosquitto_passwd`). With `tls`, it speaks only TLS, with a
    /// certificate for 127.0.0.1 from a CA made here (`caFile`, with `openssl`).
    public init(port: Int? = nil, users: [String: String] = [:], tls: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("collective-mqtt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.port = try port ?? Self.freePort()
        var config = "listener \(self.port) 127.0.0.1\npersistence false\n"
        if tls {
            try makeCertificates()
            config += "cafile \(caFile.path)\ncertfile \(directory.appendingPathComponent("server.pem").path)\n"
                + "keyfile \(directory.appendingPathComponent("server.key").path)\n"
        }
        if users.isEmpty {
            config += "allow_anonymous true\n"
        } else {
            let file = directory.appendingPathComponent("passwords").path
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            for (user, password) in users.sorted(by: { $0.key < $1.key }) {
                try Self.run("/usr/bin/mosquitto_passwd", ["-b", file, user, password])
            }
            config += "allow_anonymous false\npassword_file \(file)\n"
        }
        try config.write(to: directory.appendingPathComponent("mosquitto.conf"), atomically: true, encoding: .utf8)
        try start()
    }

    /// The CA that signs a TLS broker's certificate (PEM).
    public var caFile: URL { directory.appendingPathComponent("ca.pem") }

    /// A CA, and a server key and certificate for 127.0.0.1 (subjectAltName IP) signed by it.
    private func makeCertificates() throws {
        guard let openssl = Program.path("openssl") else { throw Failure(description: "openssl is not installed (Debian: apt-get install openssl)") }
        let dir = directory.path
        try "subjectAltName = IP:127.0.0.1\n".write(toFile: dir + "/san.cnf", atomically: true, encoding: .utf8)
        for arguments in [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/ca.key", "-out", dir + "/ca.pem", "-days", "2",
             "-subj", "/CN=collective test CA"],
            ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key", "-CAcreateserial",
             "-out", dir + "/server.pem", "-days", "2", "-extfile", dir + "/san.cnf"],
        ] {
            try Program.check(openssl, arguments)
        }
        // mosquitto started as root runs as the user mosquitto: it must read the key.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir + "/server.key")
    }

    /// Starts the broker and waits until it accepts connections.
    public func start() throws {
        guard let executable = Self.executable else { throw Failure(description: "mosquitto is not installed (Debian: apt-get install mosquitto)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", directory.appendingPathComponent("mosquitto.conf").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        self.process = process
        for _ in 0..<200 {
            if Self.accepts(port: port) { return }
            usleep(50_000)
        }
        throw Failure(description: "mosquitto did not listen on port \(port)")
    }

    /// Stops the broker (SIGKILL to its pid: the test runner's blocked SIGTERM is inherited)
    /// and waits for it to exit.
    public func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// 127.0.0.1 at `port`, for the socket calls.
    private static func withLoopback<T>(port: Int, _ body: (UnsafeMutablePointer<sockaddr>, inout socklen_t) -> T) -> T {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, &length) }
        }
    }

    /// A port nothing listens on now (the kernel's pick for an ephemeral bind).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        let port = withLoopback(port: 0) { address, length -> Int? in
            guard bind(fd, address, length) == 0, getsockname(fd, address, &length) == 0 else { return nil }
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
        guard let port else { throw Failure(description: "cannot find a free port") }
        return port
    }

    /// A TCP listener that never answers: the handshake completes (the kernel does it) but no
    /// CONNACK ever comes. Returns the socket (close it) and its port.
    public static func silentListener() throws -> (fd: Int32, port: Int) {
        let port = try freePort()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard withLoopback(port: port, { bind(fd, $0, $1) == 0 }), listen(fd, 8) == 0 else {
            close(fd)
            throw Failure(description: "cannot listen on \(port)")
        }
        return (fd, port)
    }

    public static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        return withLoopback(port: port) { connect(fd, $0, $1) == 0 }
    }

    /// Runs a program to its end; returns its status, stdout and stderr.
    @discardableResult
    public static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let result = try Program.run(path, arguments)
        return (result.status, result.stdout, result.stderr)
    }
}
