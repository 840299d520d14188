import CCurl
import Dispatch
import FoundationEssentials
import OpenConnectors
import Synchronization

/// The real `HTTPTransport`: libcurl, with TLS always verified, no redirects, capped bodies and cancellation.
///
/// One instance owns one reused easy handle, so a wizard run makes one TLS handshake per host.
/// The handle is made at the first `send`, which is also when libcurl is loaded (`dlopen`) and
/// initialized: making a transport costs nothing, and a missing libcurl fails that request with
/// `TransportError.libraryUnavailable`.
/// Transfers run one at a time, in order, on a private serial queue (never on Swift's cooperative
/// threads, which a blocking transfer would starve). A cancelled task stops its running transfer
/// at once with `TransportError.cancelled`; a request cancelled while waiting for its turn ends
/// when its turn comes. Proxies come from the environment by libcurl's rules (`ProxyEnvironment`).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: `announcedProxies` is touched only on `queue`. `handle` is set once, on `queue`,
    // at the first transfer and read under its lock; `wakeUp()` is the one `EasyHandle` call made
    // from other threads (the cancellation handler), and libcurl allows it from any thread.

    /// The options every request runs with.
    public let options: CurlTransportOptions
    /// The easy handle, `nil` until the first transfer makes it.
    let handle = Mutex<EasyHandle?>(nil)
    /// Runs every transfer, one at a time.
    let queue = DispatchQueue(label: "ocwizard.curl-transport")
    private let environment: @Sendable () -> [String: String]
    private var announcedProxies: Set<String> = []

    /// Makes a transport; proxies come from the process environment (`https_proxy`, `no_proxy`, ...).
    public convenience init(options: CurlTransportOptions = CurlTransportOptions()) {
        self.init(options: options, environment: { ProcessInfo.processInfo.environment })
    }

    /// Makes a transport that connects directly, whatever proxy the environment names: for the
    /// embedded sandbox on loopback, whose fixed secrets must not go to a proxy in clear text.
    public static func direct(options: CurlTransportOptions = CurlTransportOptions()) -> CurlTransport {
        CurlTransport(options: options, environment: { [:] })
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
            // The flag is set before the handle is read, and `transfer` makes the handle before it
            // reads the flag (the lock orders the two): either this wakes the handle up or the
            // transfer sees the flag. Without a handle no transfer is running.
            cancellation.set()
            handle.withLock { $0 }?.wakeUp()
        }
    }

    /// The easy handle, made (and libcurl loaded) at the first transfer; on `queue` only.
    private func easyHandle() throws(TransportError) -> EasyHandle {
        if let existing = handle.withLock({ $0 }) { return existing }
        let made = try EasyHandle()
        handle.withLock { $0 = made }
        return made
    }

    /// Runs one transfer on the queue.
    func transfer(_ request: HTTPRequest, _ cancellation: CancellationFlag) throws(TransportError) -> HTTPResponse {
        if cancellation.isSet { throw .cancelled }
        let handle = try easyHandle()
        if cancellation.isSet { throw .cancelled }
        let url = ParsedURL(request.url)
        let proxy = url.map { ProxyEnvironment(environment()).choice(for: $0) }
        if let url, let proxy { announce(proxy, for: url) }

        let context = TransferContext(maximumBodyBytes: options.maximumBodyBytes, cancellation: cancellation)
        let code: CURLcode = try withExtendedLifetime(context) { () throws(TransportError) -> CURLcode in
            let headers = try handle.configure(for: request, options: options, proxy: proxy?.proxy, context: context)
            defer { ocw_curl_slist_free_all(headers) }
            return try handle.perform()
        }
        guard code == CURLE_OK else {
            let failure = CurlFailure(code: code, text: handle.errorText(for: code), url: url, usedProxy: proxy?.proxy != nil,
                                      exceededBodyLimit: context.exceededBodyLimit, cancelled: cancellation.isSet,
                                      options: options).transportError
            throw Self.changesSomething(request) && handle.info(CURLINFO_REQUEST_SIZE) > 0 ? .answerLost(failure) : failure
        }
        if handle.info(CURLINFO_NUM_CONNECTS) > 0 { announceConnection(handle) }
        return HTTPResponse(status: handle.info(CURLINFO_RESPONSE_CODE), headers: context.headers, body: context.body)
    }

    /// Whether `request` may change something on the service (every method but `GET` and `HEAD`):
    /// such a request goes on a new connection, and a failure after it was sent is `answerLost`.
    static func changesSomething(_ request: HTTPRequest) -> Bool {
        !["GET", "HEAD"].contains(request.method.uppercased())
    }

    /// Logs the proxy decision the first time a host is used.
    private func announce(_ proxy: ProxyEnvironment.Choice, for url: ParsedURL) {
        guard let log = options.log, announcedProxies.insert("\(url.scheme)://\(url.host)").inserted else { return }
        log(proxy.logLine(host: url.host))
    }

    /// Logs that the last transfer opened a connection (and so, over HTTPS, made a TLS handshake).
    private func announceConnection(_ handle: EasyHandle) {
        guard let log = options.log else { return }
        let address = handle.info(string: CURLINFO_PRIMARY_IP) ?? "?"
        log("new connection to \(address) port \(handle.info(CURLINFO_PRIMARY_PORT))")
    }
}
