import CCurl
import OpenConnectors

/// The options every request gets, and the ones that come from the request itself.
extension EasyHandle {
    /// Resets the handle and configures it for `request` through `proxy` (or directly), with callbacks writing into `context`.
    ///
    /// The returned header list must be freed with `ocw_curl_slist_free_all` after the transfer.
    func configure(for request: HTTPRequest, options: CurlTransportOptions, proxy: String?,
                   context: TransferContext) throws(TransportError) -> UnsafeMutablePointer<curl_slist>? {
        try reset()
        try configurePolicy(options)
        try set(CURLOPT_URL, request.url)
        // The proxy was chosen from the environment already; "" turns libcurl's own lookup off.
        try set(CURLOPT_PROXY, proxy ?? "")
        try set(CURLOPT_NOPROXY, "")
        try configureMethod(request)
        let userData = Unmanaged.passUnretained(context).toOpaque()
        try set(CURLOPT_WRITEFUNCTION, function: TransferCallbacks.body)
        try set(CURLOPT_WRITEDATA, pointer: userData)
        try set(CURLOPT_HEADERFUNCTION, function: TransferCallbacks.header)
        try set(CURLOPT_HEADERDATA, pointer: userData)
        try setProgressFunction(TransferCallbacks.progress)
        try set(CURLOPT_XFERINFODATA, pointer: userData)
        try set(CURLOPT_NOPROGRESS, 0)
        let headers = try Self.headerList(for: request)
        do {
            try set(CURLOPT_HTTPHEADER, list: headers)
        } catch {
            ocw_curl_slist_free_all(headers)
            throw error
        }
        return headers
    }

    /// Security and limits: HTTP(S) only, no redirects, TLS 1.2 or newer and verified, timeouts, body cap, identity.
    private func configurePolicy(_ options: CurlTransportOptions) throws(TransportError) {
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_SSL_VERIFYPEER, 1)
        try set(CURLOPT_SSL_VERIFYHOST, 2)
        // TLS 1.0 and 1.1 are refused here, not left to the TLS library's defaults.
        try set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
        try set(CURLOPT_PROXY_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
        if let caFile = options.caFile {
            try set(CURLOPT_CAINFO, caFile)
            try set(CURLOPT_PROXY_CAINFO, caFile)
        }
        try set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.curlMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, options.totalTimeout.curlMilliseconds)
        try set(CURLOPT_MAXFILESIZE_LARGE, size: options.maximumBodyBytes)
        try set(CURLOPT_USERAGENT, options.userAgent)
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
    }

    /// The verb and body: `GET` plainly, a body (possibly empty) for `POST`/`PUT`/`PATCH`, any other verb as a custom request.
    ///
    /// A request that changes something goes on a new connection: libcurl sends a request again by
    /// itself when a *reused* connection closes before any answer byte, and the service may have
    /// acted on the first one (a second instance, a spent grant code). On a new connection libcurl
    /// never repeats it; the lost answer is reported instead (`TransportError.answerLost`).
    private func configureMethod(_ request: HTTPRequest) throws(TransportError) {
        let method = request.method.uppercased()
        if CurlTransport.changesSomething(request) { try set(CURLOPT_FRESH_CONNECT, 1) }
        switch method {
        case "GET" where request.body == nil:
            try set(CURLOPT_HTTPGET, 1)
        case "HEAD":
            try set(CURLOPT_NOBODY, 1)
        default:
            if request.body != nil || ["POST", "PUT", "PATCH"].contains(method) {
                try setBody(request.body ?? [])
            }
            if method != "POST" { try set(CURLOPT_CUSTOMREQUEST, method) }
        }
    }

    /// The request's header fields as a libcurl list, plus blank `Expect:` (no 100-continue round trip)
    /// and, for a body without a type, blank `Content-Type:` (no form type invented by libcurl).
    private static func headerList(for request: HTTPRequest) throws(TransportError) -> UnsafeMutablePointer<curl_slist>? {
        var lines: [String] = []
        for header in request.headers {
            guard !(header.name + header.value).contains(where: { $0 == "\r" || $0 == "\n" }), !header.name.isEmpty else {
                throw .other(code: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue),
                             detail: "a request header has no name or contains a line break")
            }
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        lines.append("Expect:")
        let hasType = request.headers.contains { $0.name.lowercased() == "content-type" }
        if !hasType { lines.append("Content-Type:") }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let longer = ocw_curl_slist_append(list, line) else {
                ocw_curl_slist_free_all(list)
                throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), detail: "no memory for the request headers")
            }
            list = longer
        }
        return list
    }
}
