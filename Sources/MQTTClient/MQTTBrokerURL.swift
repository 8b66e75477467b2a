/// A broker named as `mqtt://[user@]host[:port]` (port 1883) or `mqtts://…` (TLS, port 8883;
/// also the default when TLS is turned on by a CA file, as `mosquitto_pub` does),
/// the form `mosquitto_pub -L` takes, without a path. A password in the URL is refused: a
/// command line shows in `ps` and in shell history, so passwords come from a file.
public struct MQTTBrokerURL: Sendable, Equatable {
    public var host: String
    /// The port written in the URL, if any (see `port(usingTLS:)`).
    public var explicitPort: Int?
    public var username: String?
    /// `mqtts://`.
    public var usesTLS: Bool

    /// The port to connect to: the URL's, or MQTT's default for plain TCP (1883) or TLS (8883).
    public func port(usingTLS tls: Bool) -> Int {
        explicitPort ?? (tls ? 8883 : 1883)
    }

    public init(host: String, port: Int? = nil, username: String? = nil, usesTLS: Bool = false) {
        self.host = host
        self.explicitPort = port
        self.username = username
        self.usesTLS = usesTLS
    }

    /// Why a URL cannot be read.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(parsing text: String) throws(ParseError) {
        var rest = Substring(text)
        if rest.hasPrefix("mqtt://") {
            usesTLS = false
            rest = rest.dropFirst(7)
        } else if rest.hasPrefix("mqtts://") {
            usesTLS = true
            rest = rest.dropFirst(8)
        } else {
            throw ParseError(description: "\"\(text)\" is not an MQTT URL: write mqtt://[user@]host[:port] or mqtts://…")
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.contains("/") {
            throw ParseError(description: "an MQTT URL has no path: write mqtt://[user@]host[:port]")
        }
        if let at = rest.lastIndex(of: "@") {
            let user = rest[..<at]
            if user.contains(":") {
                throw ParseError(description: "the URL holds a password; give it with --password-file (a command line shows in ps)")
            }
            guard !user.isEmpty else { throw ParseError(description: "the user name before @ is empty") }
            username = String(user)
            rest = rest[rest.index(after: at)...]
        } else {
            username = nil
        }
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw ParseError(description: "\"\(text)\": unclosed [ in the host") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw ParseError(description: "\"\(text)\": expected :port after ]")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            portText = rest[rest.index(after: colon)...]
        } else {
            host = String(rest)
        }
        guard !host.isEmpty else { throw ParseError(description: "\"\(text)\" names no host") }
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw ParseError(description: "\"\(portText)\" is not a port (1…65535)")
            }
            explicitPort = port
        } else {
            explicitPort = nil
        }
    }
}
