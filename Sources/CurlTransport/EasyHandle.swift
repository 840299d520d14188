import CCurl
import OpenConnectors

/// libcurl, opened (`dlopen`) and initialized once per process, when the first handle is made:
/// `nil` when it is usable, otherwise why not. Nothing loads libcurl before the first request.
private let libcurlFailure: String? = {
    if let failure = ocw_curl_load() { return String(cString: failure) }
    let code = ocw_curl_global_init_default()
    guard code == CURLE_OK else { return "curl_global_init failed: \(String(cString: ocw_curl_easy_strerror(code)))" }
    return nil
}()

/// Owns one libcurl easy handle, the multi handle that runs it, and the error buffer; frees them in `deinit`.
///
/// The easy handle is reused for every request, and the multi handle keeps the connection cache,
/// so a run pays for one TLS handshake per host. Apart from `wakeUp()`, every method must be
/// called from the one serial queue that owns this object.
final class EasyHandle: @unchecked Sendable {
    // @unchecked: only `wakeUp()` may be called from other threads (libcurl allows
    // `curl_multi_wakeup` from any thread); everything else stays on the owner's queue.
    private let easy: UnsafeMutableRawPointer
    private let multi: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Loads libcurl if this is the first handle, then creates the handles.
    ///
    /// Throws `.libraryUnavailable` when libcurl cannot be loaded or initialized.
    init() throws(TransportError) {
        if let libcurlFailure { throw .libraryUnavailable(detail: libcurlFailure) }
        guard let easy = ocw_curl_easy_init() else {
            throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), detail: "libcurl could not allocate a handle")
        }
        guard let multi = ocw_curl_multi_init() else {
            ocw_curl_easy_cleanup(easy)
            throw .other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), detail: "libcurl could not allocate a handle")
        }
        self.easy = easy
        self.multi = multi
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        ocw_curl_easy_cleanup(easy)
        ocw_curl_multi_cleanup(multi)
        errorBuffer.deallocate()
    }

    /// Puts every option back to its default, keeping open connections and caches, and re-attaches the error buffer.
    func reset() throws(TransportError) {
        ocw_curl_easy_reset(easy)
        errorBuffer[0] = 0
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    // MARK: - Options

    /// Sets a `long` option.
    func set(_ option: CURLoption, _ value: Int) throws(TransportError) {
        try check(ocw_curl_setopt_long(easy, option, value), option)
    }

    /// Sets a `curl_off_t` option (the `_LARGE` sizes).
    func set(_ option: CURLoption, size: Int) throws(TransportError) {
        try check(ocw_curl_setopt_off(easy, option, curl_off_t(size)), option)
    }

    /// Sets a string option; libcurl keeps its own copy.
    func set(_ option: CURLoption, _ value: String) throws(TransportError) {
        try check(value.withCString { ocw_curl_setopt_string(easy, option, $0) }, option)
    }

    /// Sets a pointer option; the pointee must outlive the transfer.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(TransportError) {
        try check(ocw_curl_setopt_pointer(easy, option, pointer), option)
    }

    /// Sets the request's header list; the list must outlive the transfer.
    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(TransportError) {
        try check(ocw_curl_setopt_slist(easy, option, list), option)
    }

    /// Sets the body or header callback.
    func set(_ option: CURLoption, function: curl_write_callback) throws(TransportError) {
        try check(ocw_curl_setopt_write_function(easy, option, function), option)
    }

    /// Sets the progress callback.
    func setProgressFunction(_ function: curl_xferinfo_callback) throws(TransportError) {
        try check(ocw_curl_setopt_xferinfo_function(easy, function), CURLOPT_XFERINFOFUNCTION)
    }

    /// Copies `bytes` into libcurl as the request body and sets its size (`COPYPOSTFIELDS`); implies POST.
    func setBody(_ bytes: [UInt8]) throws(TransportError) {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, size: bytes.count)
        let code = bytes.isEmpty
            ? "".withCString { ocw_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0)) }
            : bytes.withUnsafeBytes { ocw_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress)) }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// Turns a refused option into a transport error.
    private func check(_ code: CURLcode, _ option: CURLoption) throws(TransportError) {
        guard code == CURLE_OK else {
            throw .other(code: Int(code.rawValue), detail: "libcurl refused option \(option.rawValue): \(Self.describe(code))")
        }
    }

    // MARK: - Running

    /// The longest wait for socket activity; libcurl shortens it for its own timers (timeouts).
    private static let longestPollMilliseconds: Int32 = 1000

    /// Runs the configured transfer to its end and returns libcurl's result code.
    ///
    /// The loop polls the multi handle so that `wakeUp()` from another thread gets the progress
    /// callback called at once, instead of within a second as with `curl_easy_perform`.
    func perform() throws(TransportError) -> CURLcode {
        try check(ocw_curl_multi_add_handle(multi, easy))
        defer { ocw_curl_multi_remove_handle(multi, easy) }
        var running: Int32 = 1
        while running > 0 {
            try check(ocw_curl_multi_perform(multi, &running))
            if running > 0 { try check(ocw_curl_multi_poll(multi, nil, 0, Self.longestPollMilliseconds, nil)) }
        }
        var pending: Int32 = 0
        while let message = ocw_curl_multi_info_read(multi, &pending) {
            if message.pointee.msg == CURLMSG_DONE { return ocw_curl_message_result(message) }
        }
        throw .other(code: -1, detail: "libcurl ended the transfer without a result")
    }

    /// Interrupts a waiting `perform()` so it looks at the cancellation flag; safe from any thread.
    func wakeUp() {
        ocw_curl_multi_wakeup(multi)
    }

    /// Turns a failed multi-handle call into a transport error.
    private func check(_ code: CURLMcode) throws(TransportError) {
        guard code == CURLM_OK else {
            throw .other(code: Int(code.rawValue), detail: String(cString: ocw_curl_multi_strerror(code)))
        }
    }

    // MARK: - Results

    /// The text libcurl wrote into the error buffer, or its generic text for `code`.
    func errorText(for code: CURLcode) -> String {
        let text = String(cString: errorBuffer).trimmingCharacters(in: "\n")
        return text.isEmpty ? Self.describe(code) : text
    }

    /// A `long` fact about the last transfer, or 0.
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return ocw_curl_getinfo_long(easy, info, &value) == CURLE_OK ? value : 0
    }

    /// A string fact about the last transfer, or `nil`.
    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>?
        guard ocw_curl_getinfo_string(easy, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// libcurl's generic text for a result code.
    static func describe(_ code: CURLcode) -> String {
        String(cString: ocw_curl_easy_strerror(code))
    }
}

private extension String {
    /// The text without trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var text = self
        while text.last == character { text.removeLast() }
        return text
    }
}
