import CCurl
import OpenConnectors

/// What a failed transfer knew when it stopped; turns libcurl's result code and error text into a `TransportError`.
struct CurlFailure {
    /// libcurl's result code.
    var code: CURLcode
    /// The error buffer's text (or libcurl's generic text for the code).
    var text: String
    /// The request's URL, parsed.
    var url: ParsedURL?
    /// Whether a proxy was in use, which makes a connection failure a proxy failure.
    var usedProxy: Bool
    /// Whether the write callback stopped the body at the cap.
    var exceededBodyLimit: Bool
    /// Whether the waiting task was cancelled.
    var cancelled: Bool
    /// The options the transfer ran with.
    var options: CurlTransportOptions

    /// The error a person reads.
    var transportError: TransportError {
        if cancelled { return .cancelled }
        if exceededBodyLimit { return .responseTooLarge(limitBytes: options.maximumBodyBytes) }
        switch code {
        case CURLE_COULDNT_CONNECT where usedProxy, CURLE_COULDNT_RESOLVE_PROXY, CURLE_PROXY:
            return .proxyFailure(detail: text)
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused(host: hostAndPort)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(host: url?.host ?? text)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(seconds: timeLimit.wholeSecondsRoundedUp)
        case CURLE_PEER_FAILED_VERIFICATION where Self.isNameMismatch(text):
            return .hostnameMismatch(detail: text)
        case CURLE_PEER_FAILED_VERIFICATION where Self.isOutsideValidity(text):
            return .expiredCertificate(detail: text)
        case CURLE_PEER_FAILED_VERIFICATION:
            return .untrustedCertificate(detail: text)
        case CURLE_SSL_CACERT_BADFILE:
            return .caFileUnusable(path: options.caFile ?? "(none)", detail: text)
        case CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(limitBytes: options.maximumBodyBytes)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_HTTP2_STREAM:
            return .connectionLost(detail: text)
        default:
            return .other(code: Int(code.rawValue), detail: text)
        }
    }

    /// Whether a verification failure says the certificate names another host.
    ///
    /// OpenSSL builds say "no alternative certificate subject name matches target host name";
    /// other TLS back ends say the name "does not match".
    static func isNameMismatch(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("no alternative certificate subject name matches") || lowered.contains("does not match")
    }

    /// Whether a verification failure says the certificate is expired or not yet valid (OpenSSL:
    /// "certificate has expired", "certificate is not yet valid"; GnuTLS: "certificate expired").
    static func isOutsideValidity(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("has expired") || lowered.contains("certificate expired") || lowered.contains("not yet valid")
    }

    /// `host:port` of the request, the port filled in from the scheme when the URL has none.
    private var hostAndPort: String {
        guard let url else { return text }
        let port = url.port ?? (url.scheme == "https" ? 443 : 80)
        return url.host.contains(":") ? "[\(url.host)]:\(port)" : "\(url.host):\(port)"
    }

    /// The limit that ran out: "Operation timed out" is the total timeout; a timeout while
    /// resolving or connecting is whichever of the two limits is shorter.
    private var timeLimit: Duration {
        text.hasPrefix("Operation timed out") ? options.totalTimeout : min(options.connectTimeout, options.totalTimeout)
    }
}
