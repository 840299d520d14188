import CCurl
import OpenConnectors

/// What one transfer collects while libcurl runs it: body bytes, header fields, and why it stopped early.
///
/// libcurl hands a pointer to this object back to the C callbacks below. It lives only for one
/// transfer and is touched only on the transfer queue.
final class TransferContext {
    /// The body cap in bytes.
    let maximumBodyBytes: Int
    /// Set when the waiting task is cancelled.
    let cancellation: CancellationFlag
    /// The body received so far.
    private(set) var body: [UInt8] = []
    /// The header fields of the final response (earlier ones, such as `100 Continue`, are dropped).
    private(set) var headers: [HTTPHeader] = []
    /// Whether the write callback stopped the transfer because the body passed the cap.
    private(set) var exceededBodyLimit = false

    /// Makes the context for one transfer.
    init(maximumBodyBytes: Int, cancellation: CancellationFlag) {
        self.maximumBodyBytes = maximumBodyBytes
        self.cancellation = cancellation
    }

    /// Keeps a chunk of body; returns `false` (stop) when it would pass the cap.
    func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= maximumBodyBytes else {
            exceededBodyLimit = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// Reads one raw header line: a status line starts a new header block, `Name: value` adds a field.
    func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = text.firstIndex(of: ":") else { return }
        let name = text[..<colon].trimmingBlanks()
        let value = text[text.index(after: colon)...].trimmingBlanks()
        if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
    }

    /// The context behind a callback's user-data pointer.
    static func from(_ pointer: UnsafeMutableRawPointer?) -> TransferContext {
        Unmanaged<TransferContext>.fromOpaque(pointer!).takeUnretainedValue()
    }
}

/// The C callbacks libcurl calls during a transfer; each finds its `TransferContext` in the user data.
enum TransferCallbacks {
    /// `CURLOPT_WRITEFUNCTION`: appends body bytes; returning less than offered aborts (`CURLE_WRITE_ERROR`).
    static let body: curl_write_callback = { data, size, count, userData in
        let length = size * count
        let accepted = TransferContext.from(userData).receiveBody(UnsafeRawBufferPointer(start: data, count: length))
        return accepted ? length : 0
    }

    /// `CURLOPT_HEADERFUNCTION`: called once per header line, status line included.
    static let header: curl_write_callback = { data, size, count, userData in
        let length = size * count
        TransferContext.from(userData).receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
        return length
    }

    /// `CURLOPT_XFERINFOFUNCTION`: a non-zero answer aborts with `CURLE_ABORTED_BY_CALLBACK` once cancelled.
    static let progress: curl_xferinfo_callback = { userData, _, _, _, _ in
        TransferContext.from(userData).cancellation.isSet ? 1 : 0
    }
}

private extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingBlanks() -> String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
              let last = lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
