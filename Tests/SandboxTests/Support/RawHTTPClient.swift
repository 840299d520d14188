import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SystemTesting

/// `SOCK_STREAM`, whose type differs between Glibc and Darwin.
private var streamSocketType: Int32 {
    #if canImport(Glibc)
    Int32(SOCK_STREAM.rawValue)
    #else
    SOCK_STREAM
    #endif
}

/// `send(2)` without SIGPIPE where the platform has `MSG_NOSIGNAL`.
private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    #else
    Darwin.send(fd, bytes, count, 0)
    #endif
}

/// What came back over one raw HTTP/1.1 exchange, byte for byte.
struct RawResponse: Sendable {
    /// The status code of the status line.
    var status: Int
    /// Header values keyed by lower-cased name (repeated headers joined with ", ").
    var headers: [String: String]
    /// Every byte after the header block, up to the server's close.
    var body: Data

    /// The declared `Content-Length`, if any.
    var declaredLength: Int? { headers["content-length"].flatMap { Int($0) } }

    /// Whether the body is as long as declared.
    var isComplete: Bool { declaredLength.map { body.count >= $0 } ?? true }

    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object (empty when it is not one).
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }

    /// The body parsed as a JSON array of objects (empty when it is not one).
    var array: [[String: Any]] { (try? JSONSerialization.jsonObject(with: body)) as? [[String: Any]] ?? [] }
}

/// Why a raw exchange produced no response.
enum RawHTTPError: Error, Equatable {
    /// The socket could not be opened or connected.
    case connect(Int32)
    /// The server closed the connection without sending a status line.
    case noResponse
    /// The server reset the connection (RST) without sending a status line.
    case reset
    /// The bytes received are not an HTTP response.
    case unparsable(String)
}

/// A tiny HTTP/1.1 client over a blocking socket (on a thread of its own),
/// so tests see exactly what the server wrote, including cut-off bodies and dropped connections.
enum RawHTTPClient {
    /// Sends one request with `Connection: close` and reads until the server closes.
    static func send(
        port: UInt16, method: String, target: String,
        headers: [(String, String)] = [], body: Data? = nil
    ) async throws -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        let request = Data((head + "\r\n").utf8) + (body ?? Data())
        let raw = try await onOwnThread { try exchange(request, port: port) }
        return try parse(raw)
    }

    /// A blocking TCP socket connected to `127.0.0.1:port`, reads timing out after 30 s.
    static func connectedSocket(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, streamSocketType, 0)
        guard fd >= 0 else { throw RawHTTPError.connect(errno) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let failure = errno
            close(fd)
            throw RawHTTPError.connect(failure)
        }
        return fd
    }

    /// Connects, writes `request`, and returns every byte read until EOF or reset.
    private static func exchange(_ request: Data, port: UInt16) throws -> Data {
        let fd = try connectedSocket(port: port)
        defer { close(fd) }
        request.withUnsafeBytes { sendAll(fd, $0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0, errno == ECONNRESET, received.isEmpty { throw RawHTTPError.reset }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return received
    }

    /// Writes every byte of `bytes` (without SIGPIPE where the platform allows it).
    private static func sendAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let sent = sendBytes(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Splits raw bytes into status, headers and body.
    private static func parse(_ raw: Data) throws -> RawResponse {
        guard !raw.isEmpty else { throw RawHTTPError.noResponse }
        guard let split = raw.range(of: Data("\r\n\r\n".utf8)) else {
            throw RawHTTPError.unparsable(String(decoding: raw, as: UTF8.self))
        }
        let lines = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else {
            throw RawHTTPError.unparsable(lines[0])
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        return RawResponse(status: status, headers: headers, body: Data(raw[split.upperBound...]))
    }
}
