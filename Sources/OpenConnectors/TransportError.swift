/// Why a request never got an HTTP answer; each case explains itself to a person.
public enum TransportError: Error, Sendable, Equatable {
    /// Nothing listens at that host and port.
    case connectionRefused(host: String)
    /// The host name does not resolve.
    case hostNotFound(host: String)
    /// No answer in time.
    case timedOut(seconds: Int)
    /// The server's certificate is not trusted.
    case untrustedCertificate(detail: String)
    /// The certificate is for another host name.
    case hostnameMismatch(detail: String)
    /// The certificate is outside its validity period (expired, or not yet valid).
    case expiredCertificate(detail: String)
    /// The `--cacert` file cannot be used.
    case caFileUnusable(path: String, detail: String)
    /// The proxy failed or refused.
    case proxyFailure(detail: String)
    /// The body exceeded the cap.
    case responseTooLarge(limitBytes: Int)
    /// The user cancelled.
    case cancelled
    /// The server answered with a redirect, which API calls never follow.
    case redirected(status: Int, location: String)
    /// The connection broke before a whole answer arrived.
    case connectionLost(detail: String)
    /// The HTTP library (libcurl, loaded at the first request) is missing or unusable.
    case libraryUnavailable(detail: String)
    /// The sandbox that `ocwizard --sandbox` started has ended (`ending`: "exited with status 1",
    /// "killed by signal 9 (SIGKILL)"), so nothing answers at its address any more.
    case sandboxStopped(ending: String)
    /// Any other transport failure, with the library's own text.
    case other(code: Int, detail: String)
    /// A request that changes something was sent (whole or in part), then its answer was lost to
    /// `cause` (a cut-off body, a closed connection, a timeout, a cancel): the service may have
    /// acted on it, so the outcome is unknown.
    indirect case answerLost(TransportError)

    /// Whether the user cancelled, before or after the request was sent.
    public var isCancellation: Bool {
        switch self {
        case .cancelled: true
        case .answerLost(let cause): cause.isCancellation
        default: false
        }
    }

    /// What happened, in one sentence.
    public var message: String {
        switch self {
        case .connectionRefused(let host): "Could not connect to \(host): nothing is listening there."
        case .hostNotFound(let host): "The host \(host) could not be found."
        case .timedOut(let seconds): "The service did not answer within \(seconds) second\(seconds == 1 ? "" : "s")."
        case .untrustedCertificate(let detail): "The server's TLS certificate is not trusted (\(detail))."
        case .hostnameMismatch(let detail): "The server's TLS certificate is for another host name (\(detail))."
        case .expiredCertificate(let detail): "The server's TLS certificate is expired or not yet valid (\(detail))."
        case .caFileUnusable(let path, let detail): "The CA file \(path) cannot be used (\(detail))."
        case .proxyFailure(let detail): "The proxy failed (\(detail))."
        case .responseTooLarge(let limit):
            "The answer was larger than \(limit >= 1024 * 1024 ? "\(limit / (1024 * 1024)) MiB" : "\(limit) bytes") and was stopped."
        case .cancelled: "Cancelled."
        case .redirected(let status, let location): "The service answered \(status), redirecting to \(location); API calls are not redirected."
        case .connectionLost(let detail): "The connection broke before the answer was complete (\(detail))."
        case .libraryUnavailable(let detail): "libcurl, which ocwizard sends requests with, could not be loaded (\(detail))."
        case .sandboxStopped(let ending): "The embedded sandbox (ocwizard-sandbox) stopped (\(ending))."
        case .other(let code, let detail): "The request failed (curl error \(code): \(detail))."
        case .answerLost(let cause): "The request was sent, but its answer was lost: \(cause.message)"
        }
    }

    /// What the person can do about it.
    public var nextStep: String {
        switch self {
        case .connectionRefused: "Check the API base URL and port; for the sandbox, make sure ocwizard-sandbox is running."
        case .hostNotFound: "Check the API base URL for typos and your network or DNS settings."
        case .timedOut: "Check your network, or try again with a longer --timeout."
        case .untrustedCertificate: "Your network may intercept TLS; pass --cacert with your company's CA file."
        case .hostnameMismatch: "Use the host name the certificate was issued for, as shown in the Open Connectors UI."
        case .expiredCertificate: "Check this computer's date and time; if they are right, the server's operator must renew its certificate (--cacert does not change this)."
        case .caFileUnusable: "Point --cacert at a readable PEM file of CA certificates."
        case .proxyFailure: "Check the https_proxy / HTTPS_PROXY and no_proxy environment variables."
        case .responseTooLarge: "Check the API base URL: no answer of the Open Connectors API is that large, so this may be another server."
        case .cancelled: "Nothing was changed by ocwizard; try again when ready."
        case .redirected: "Check the API base URL: it should end in /elements/api-v2 on the API host."
        case .connectionLost: "Try again; if it keeps happening, check proxies and your network."
        case .libraryUnavailable: "Install libcurl4 (Debian: apt-get install libcurl4), then try again."
        case .sandboxStopped: "Quit, then restart ocwizard with --sandbox: that starts a new sandbox."
        case .other: "Try again with -v for details."
        case .answerLost: "The service may have acted on it: check before sending it again."
        }
    }
}
