import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns off Nagle's algorithm on the sandbox's listening socket, so every connection it accepts
/// sends an answer's last piece at once.
///
/// FlyingFox leaves it on. A response's tail then waits for the client's delayed acknowledgement
/// (40 ms on Linux) whenever the header is still unacknowledged, and a listing of 50 pages spends
/// more time in that wait than in the service. Web servers set `TCP_NODELAY` on keep-alive
/// connections for this reason. FlyingFox does not hand out its socket, so the listening socket is
/// found by its bound port among the process's descriptors; on Linux an accepted socket inherits
/// the option from it.
enum NoDelay {
    /// Sets `TCP_NODELAY` on the socket listening on `port`; `false` when none was found.
    @discardableResult
    static func apply(listeningOn port: UInt16) -> Bool {
        guard let descriptor = listeningDescriptor(port: port) else { return false }
        var on: Int32 = 1
        return setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
    }

    /// Whether `TCP_NODELAY` is set on `descriptor` (for tests).
    static func isSet(on descriptor: Int32) -> Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0 && value != 0
    }

    /// The descriptor of this process's TCP socket listening on `port`, if any.
    static func listeningDescriptor(port: UInt16) -> Int32? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        return names.compactMap(Int32.init).first { isListening($0) && localPort(of: $0) == port }
    }

    /// Whether `descriptor` is a socket in the listening state.
    static func isListening(_ descriptor: Int32) -> Bool {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, SO_ACCEPTCONN, &value, &length) == 0 && value != 0
    }

    /// The local port of an IPv4 or IPv6 socket.
    static func localPort(of descriptor: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { return nil }
        return withUnsafePointer(to: &storage) { pointer in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET: pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6: pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default: nil
            }
        }
    }
}
