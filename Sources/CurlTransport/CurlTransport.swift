import CCurl
import Dispatch
import FoundationEssentials
import OpenConnectors

/// The real `HTTPTransport`: libcurl, with TLS always verified, no redirects, capped bodies and cancellation.
///
/// One instance owns one reused easy handle, so a wizard run makes one TLS handshake per host.
/// Transfers run one at a time, in order, on a private serial queue (never on Swift's cooperative
/// threads, which a blocking transfer would starve). A cancelled task stops its running transfer
/// at once with `TransportError.cancelled`; a request cancelled while waiting for its turn ends
/// when its turn comes. Proxies come from the environment by libcurl's rules (`ProxyEnvironment`).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `handle` and `announcedProxies` are touched only on `queue`; `handle.wakeUp()`
    // is the one call made from other threads, and libcurl allows it from any thread.

    /// The options every request runs with.
    public let options: CurlTransportOptions
    private let handle = EasyHandle()
    private let queue = DispatchQueue(label: "ocwizard.curl-transport")
    private let environment: @Sendable () -> [String: String]
    private var announcedProxies: Set<String> = []

    /// Makes a transport; proxies come from the process environment (`https_proxy`, `no_proxy`, ...).
    public convenience init(options: CurlTransportOptions = CurlTransportOptions()) {
        self.init(options: options, environment: { ProcessInfo.processInfo.environment })
    }

    /// Makes a transport that reads proxy variables from `environment` before each request.
    init(options: CurlTransportOptions, environment: @escaping @Sendable () -> [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// Sends `request` and returns the response, whatever its status; throws `TransportError`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let cancellation = CancellationFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                queue.async {
                    continuation.resume(with: Result { () throws(TransportError) in try self.transfer(request, cancellation) })
                }
            }
        } onCancel: {
            cancellation.set()
            handle.wakeUp()
        }
    }

    /// Runs one transfer on the queue.
    private func transfer(_ request: HTTPRequest, _ cancellation: CancellationFlag) throws(TransportError) -> HTTPResponse {
        if cancellation.isSet { throw .cancelled }
        let url = ParsedURL(request.url)
        let proxy = url.map { ProxyEnvironment(environment()).choice(for: $0) }
        if let url, let proxy { announce(proxy, for: url) }

        let context = TransferContext(maximumBodyBytes: options.maximumBodyBytes, cancellation: cancellation)
        let code: CURLcode = try withExtendedLifetime(context) { () throws(TransportError) -> CURLcode in
            let headers = try handle.configure(for: request, options: options, proxy: proxy?.proxy, context: context)
            defer { curl_slist_free_all(headers) }
            return try handle.perform()
        }
        guard code == CURLE_OK else {
            throw CurlFailure(code: code, text: handle.errorText(for: code), url: url, usedProxy: proxy?.proxy != nil,
                              exceededBodyLimit: context.exceededBodyLimit, cancelled: cancellation.isSet,
                              options: options).transportError
        }
        if handle.info(CURLINFO_NUM_CONNECTS) > 0 { announceConnection() }
        return HTTPResponse(status: handle.info(CURLINFO_RESPONSE_CODE), headers: context.headers, body: context.body)
    }

    /// Logs the proxy decision the first time a host is used.
    private func announce(_ proxy: ProxyEnvironment.Choice, for url: ParsedURL) {
        guard let log = options.log, announcedProxies.insert("\(url.scheme)://\(url.host)").inserted else { return }
        log(proxy.logLine(host: url.host))
    }

    /// Logs that the last transfer opened a connection (and so, over HTTPS, made a TLS handshake).
    private func announceConnection() {
        guard let log = options.log else { return }
        let address = handle.info(string: CURLINFO_PRIMARY_IP) ?? "?"
        log("new connection to \(address) port \(handle.info(CURLINFO_PRIMARY_PORT))")
    }
}
