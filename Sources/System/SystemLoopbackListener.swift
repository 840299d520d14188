import Glibc
import Synchronization
import SystemPorts

/// A small HTTP/1.1 listener on a loopback address with POSIX sockets, on a thread of its own.
///
/// One connection at a time; each request is read up to `maximumRequestBytes` within
/// `requestTimeLimit`, answered, and closed (`Connection: close`).
public struct SystemLoopbackListener: LoopbackListening {
    /// The most bytes read of one request (request line and headers).
    public let maximumRequestBytes: Int
    /// How long one connection may take to send its request, in milliseconds.
    public let requestTimeLimit: Int

    /// A listener with these limits.
    public init(maximumRequestBytes: Int = 8192, requestTimeLimit: Int = 2000) {
        self.maximumRequestBytes = maximumRequestBytes; self.requestTimeLimit = requestTimeLimit
    }

    public func serve(_ endpoint: LoopbackEndpoint, ready: @escaping @Sendable () -> Void,
                      answer: @escaping @Sendable (LoopbackRequest) -> LoopbackReply) async throws(ListenFailure) {
        let socket = try ListeningSocket(endpoint)
        let stop = StopSignal()
        let limits = (maximumRequestBytes, requestTimeLimit)
        ready()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Its own thread: `poll` must not hold one of the cooperative pool's few threads.
                DetachedThread.start {
                    socket.acceptLoop(stop: stop, maximumBytes: limits.0, timeLimit: limits.1, answer: answer)
                    socket.close()
                    continuation.resume()
                }
            }
        } onCancel: {
            stop.raise()
        }
    }
}

/// Tells the listener thread to stop (it looks every 100 ms).
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
            inet_pton(AF_INET6, endpoint.address, &address.sin6_addr)
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port
            inet_pton(AF_INET, endpoint.address, &address.sin_addr)
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
    func acceptLoop(stop: StopSignal, maximumBytes: Int, timeLimit: Int,
                    answer: (LoopbackRequest) -> LoopbackReply) {
        while !stop.isRaised {
            guard Self.waitReadable(descriptor, milliseconds: 100) else { continue }
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { continue }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            defer { Glibc.close(connection) }
            guard let head = Self.readHead(connection, maximumBytes: maximumBytes, timeLimit: timeLimit) else { continue }
            let reply: LoopbackReply
            if let request = HTTPRequestLine.parse(head) {
                reply = answer(request)
            } else {
                reply = LoopbackReply(status: 400, html: "<!doctype html><title>Bad request</title><p>Bad request.</p>", ends: false)
            }
            Self.write(reply, to: connection)
            if reply.ends { return }
        }
    }

    func close() { Glibc.close(descriptor) }

    /// Whether `fd` becomes readable within `milliseconds`.
    private static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Reads up to the blank line that ends the headers, or `nil` when the client is too slow,
    /// sends too much, or closes first.
    private static func readHead(_ fd: Int32, maximumBytes: Int, timeLimit: Int) -> [UInt8]? {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(timeLimit))
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while bytes.count < maximumBytes {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero, waitReadable(fd, milliseconds: Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))) else { return nil }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, min(1024, maximumBytes - bytes.count), 0) }
            guard count > 0 else { return nil }
            bytes += chunk[0..<count]
            if containsBlankLine(bytes) { return bytes }
        }
        return nil
    }

    private static func containsBlankLine(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4 else { return false }
        for index in 0...(bytes.count - 4) where bytes[index..<index + 4].elementsEqual([13, 10, 13, 10]) { return true }
        return false
    }

    /// Writes the reply with its status line and headers, then the page.
    private static func write(_ reply: LoopbackReply, to fd: Int32) {
        let body = Array(reply.html.utf8)
        let head = "HTTP/1.1 \(reply.status) \(reasonPhrase(reply.status))\r\nContent-Type: text/html; charset=utf-8\r\n"
            + "Content-Length: \(body.count)\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n"
        let data = Array(head.utf8) + body
        var sent = 0
        while sent < data.count {
            let count = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        default: "Status"
        }
    }
}

/// Reads the request line of an HTTP/1.x request head.
enum HTTPRequestLine {
    /// `METHOD target HTTP/1.x`, or `nil` for anything else.
    static func parse(_ head: [UInt8]) -> LoopbackRequest? {
        guard let end = head.firstIndex(of: 13), let line = String(validating: head[..<end], as: UTF8.self) else { return nil }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/"),
              parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        return LoopbackRequest(method: String(parts[0]), target: String(parts[1]))
    }
}
