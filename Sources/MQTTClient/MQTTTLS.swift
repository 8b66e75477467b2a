/// TLS settings for a broker connection, as `mosquitto_pub` spells them: `--cafile`,
/// `--capath`, `--cert`, `--key` and `--insecure` (no check that the broker's certificate
/// names the host). The corresponding C functions are `mosquitto_tls_set` and
/// `mosquitto_tls_insecure_set`.
public struct MQTTTLS: Sendable, Equatable {
    /// PEM file of the certificate authorities that sign the broker's certificate.
    public var caFile: String?
    /// Directory of PEM CA certificates (`c_rehash` form); used when `caFile` is nil.
    public var caPath: String?
    /// The client's certificate and private key (PEM), for brokers that ask for one.
    public var certFile: String?
    public var keyFile: String?
    /// Skip the check that the broker's certificate matches the host name.
    public var insecure: Bool

    public init(caFile: String? = nil, caPath: String? = nil, certFile: String? = nil, keyFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.caPath = caPath
        self.certFile = certFile
        self.keyFile = keyFile
        self.insecure = insecure
    }

    /// Debian's system CA directory, used when neither `caFile` nor `caPath` is given.
    public static let systemCAPath = "/etc/ssl/certs"
}
