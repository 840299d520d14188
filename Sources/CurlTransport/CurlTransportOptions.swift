import OpenConnectors
import ProductVersion

/// How a `CurlTransport` connects: time limits, trusted CAs, the body cap, identity and the verbose log.
///
/// TLS verification is not an option: it is always on.
public struct CurlTransportOptions: Sendable {
    /// The default cap on a response body: 16 MiB.
    public static let defaultMaximumBodyBytes = 16 * 1024 * 1024

    /// Longest wait for the TCP (and proxy) connection and the TLS handshake.
    public var connectTimeout: Duration
    /// Longest time for one whole request, connection included (`--timeout`).
    public var totalTimeout: Duration
    /// A PEM file of CA certificates to trust instead of the system's (`--cacert`).
    public var caFile: String?
    /// The largest response body accepted; a larger one fails with `TransportError.responseTooLarge`.
    public var maximumBodyBytes: Int
    /// The `User-Agent` header sent with every request.
    public var userAgent: String
    /// Receives verbose lines (the proxy chosen for a host, new connections); never a secret.
    public var log: (@Sendable (String) -> Void)?

    /// Makes options; the defaults are those of a normal wizard run.
    public init(connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(30), caFile: String? = nil,
                maximumBodyBytes: Int = defaultMaximumBodyBytes, userAgent: String = "ocwizard/\(OCWizardVersion.current)",
                log: (@Sendable (String) -> Void)? = nil) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.caFile = caFile
        self.maximumBodyBytes = maximumBodyBytes
        self.userAgent = userAgent
        self.log = log
    }
}

extension Duration {
    /// The duration in whole milliseconds, never negative, as libcurl's `_MS` options take it.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// The duration in whole seconds, rounded up, for messages such as "within 1 seconds".
    var wholeSecondsRoundedUp: Int {
        (curlMilliseconds + 999) / 1000
    }
}
