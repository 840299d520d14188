import Glibc
import Synchronization
import SystemPorts

/// The one small HTTP/1.1 server of ocwizard, with POSIX sockets on a thread of its own: the
/// sign-in's loopback listener and the webhook receiver of `events listen` are both this.
///
/// One connection at a time; each request is read whole (head, then a `Content-Length` body)
/// within the limits, answered, and closed (`Connection: close`).
enum SmallHTTPServer {
    /// Binds `endpoint`, calls `ready`, and serves until a reply ends it or the task is cancelled.
    static func serve(_ endpoint: LoopbackEndpoint, limits: HTTPServerLimits, ready: @escaping @Sendable () -> Void,
                      answer: @escaping @Sendable (HTTPServerRequest) -> HTTPServerReply) async throws(ListenFailure) {
        let socket = try ListeningSocket(endpoint)
        let stop = StopSignal()
        ready()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Its own thread: `poll` must not hold one of the cooperative pool's few threads.
                DetachedThread.start {
                    socket.acceptLoop(stop: stop, limits: limits, answer: answer)
                    socket.close()
                    continuation.resume()
                }
            }
        } onCancel: {
            stop.raise()
        }
    }
}

/// Tells the server thread to stop (it looks every 100 ms).
private final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)
    func raise() { flag.store(true, ordering: .relaxed) }
    var isRaised: Bool { flag.load(ordering: .relaxed) }
}

/// A bound, listening socket.
private struct ListeningSocket: @unchecked Sendable {
    let descriptor: Int32

    /// Binds `endpoint` and listens, or says why not.
    init(_ endpoint: LoopbackEndpoint) throws(ListenFailure) {
        let ipv6 = endpoint.address.contains(":")
        let fd = Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .other(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let port = in_port_t(UInt16(endpoint.port).bigEndian)
        var result: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port
            guard inet_pton(AF_INET6, endpoint.address, &address.sin6_addr) == 1 else { Glibc.close(fd); throw .other("\(endpoint.address) is not an IP address") }
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port
            guard inet_pton(AF_INET, endpoint.address, &address.sin_addr) == 1 else { Glibc.close(fd); throw .other("\(endpoint.address) is not an IP address") }
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        if result == 0 { result = listen(fd, 8) }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            switch code {
            case EADDRINUSE: throw .portInUse(port: endpoint.port)
            case EACCES: throw .permissionDenied(port: endpoint.port)
            default: throw .other(String(cString: strerror(code)))
            }
        }
        descriptor = fd
    }

    /// Accepts and answers connections one at a time until `stop` is set or a reply ends it.
    func acceptLoop(stop: StopSignal, limits: HTTPServerLimits, answer: (HTTPServerRequest) -> HTTPServerReply) {
        while !stop.isRaised {
            guard Connection.waitReadable(descriptor, milliseconds: 100) else { continue }
            let fd = accept(descriptor, nil, nil)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            let connection = Connection(fd: fd, deadline: .now.advanced(by: .milliseconds(limits.timeLimit)))
            defer { Glibc.close(fd) }
            let reply: HTTPServerReply
            switch connection.readRequest(limits) {
            case .dropped: continue
            case .refused(let status, let text): reply = HTTPServerReply(status: status, body: Array(text.utf8))
            case .request(let request): reply = answer(request)
            }
            connection.write(reply)
            if reply.ends { return }
        }
    }

    func close() { Glibc.close(descriptor) }
}

/// One accepted connection, read within a deadline.
private struct Connection {
    let fd: Int32
    let deadline: ContinuousClock.Instant

    /// What reading a request gave.
    enum Outcome {
        /// A whole request within the limits.
        case request(HTTPServerRequest)
        /// A request that gets this status and text and never reaches the answer.
        case refused(Int, String)
        /// Too slow, too large a head, or closed early: no answer at all.
        case dropped
    }

    /// Whether `fd` becomes readable within `milliseconds`.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Reads the head (up to the blank line), then the body its `Content-Length` announces.
    func readRequest(_ limits: HTTPServerLimits) -> Outcome {
        var bytes: [UInt8] = []
        var headEnd: Int?
        while headEnd == nil {
            guard bytes.count < limits.maximumHeadBytes, receive(into: &bytes, atMost: limits.maximumHeadBytes - bytes.count) else { return .dropped }
            headEnd = HTTPHead.end(of: bytes)
        }
        guard let end = headEnd, let head = HTTPHead.parse(bytes[..<end]) else { return .refused(400, "Bad request.\n") }
        if head.field("Transfer-Encoding") != nil { return .refused(411, "Send the body with a Content-Length.\n") }
        let announced = head.field("Content-Length").map { Int($0) } ?? 0
        guard let length = announced, length >= 0 else { return .refused(400, "Bad Content-Length.\n") }
        guard length <= limits.maximumBodyBytes else { return .refused(413, "The body is larger than \(limits.maximumBodyBytes) bytes.\n") }
        if length > 0, head.field("Expect")?.lowercased() == "100-continue" { send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        var body = Array(bytes[(end + 4)...].prefix(length))
        while body.count < length {
            guard receive(into: &body, atMost: length - body.count) else { return .dropped }
        }
        return .request(HTTPServerRequest(method: head.method, target: head.target, headers: head.fields, body: body))
    }

    /// Appends what arrives before the deadline (at most `atMost` bytes); `false` when nothing can.
    private func receive(into bytes: inout [UInt8], atMost: Int) -> Bool {
        let left = ContinuousClock.now.duration(to: deadline)
        let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        guard left > .zero, Self.waitReadable(fd, milliseconds: Int32(max(1, milliseconds))) else { return false }
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(1, atMost)))
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        bytes += chunk[0..<count]
        return true
    }

    /// Writes the reply with its status line and headers, then its body.
    func write(_ reply: HTTPServerReply) {
        let head = "HTTP/1.1 \(reply.status) \(HTTPHead.reasonPhrase(reply.status))\r\nContent-Type: \(reply.contentType)\r\n"
            + "Content-Length: \(reply.body.count)\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n"
        send(Array(head.utf8) + reply.body)
    }

    private func send(_ data: [UInt8]) {
        var sent = 0
        while sent < data.count {
            let count = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }
}

/// The head of an HTTP/1.x request: its request line and header fields.
struct HTTPHead: Equatable {
    let method: String
    let target: String
    let fields: [HTTPHeaderField]

    /// The value of the first field named `name` (any case).
    func field(_ name: String) -> String? {
        HTTPServerRequest(method: method, target: target, headers: fields).header(name)
    }

    /// Where the blank line that ends the head starts, or `nil` before it arrived.
    static func end(of bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) }
    }

    /// `METHOD target HTTP/1.x` and `Name: value` lines, or `nil` for anything else.
    static func parse(_ head: ArraySlice<UInt8>) -> HTTPHead? {
        guard let text = String(validating: head, as: UTF8.self) else { return nil }
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/"),
              !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        var fields: [HTTPHeaderField] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return nil }
            let value = line[line.index(after: colon)...].trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            fields.append(HTTPHeaderField(name: String(line[..<colon]), value: String(value.reversed().trimmingPrefix(while: { $0 == " " || $0 == "\t" }).reversed())))
        }
        return HTTPHead(method: String(parts[0]), target: String(parts[1]), fields: fields)
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 411: "Length Required"
        case 413: "Content Too Large"
        default: "Status"
        }
    }
}
