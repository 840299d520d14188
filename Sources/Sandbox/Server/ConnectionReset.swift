import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes the close of one client connection a TCP reset (RST) instead of an orderly FIN.
///
/// FlyingFox does not hand its socket to a handler, so the socket is found by its peer address
/// among the process's descriptors, and `SO_LINGER` with a zero timeout is set on it: the close
/// that follows (the failing WebSocket handler, as for `drop`) then discards the connection with a
/// reset, as a crashed server or a middlebox would. Only the sandbox's fault injection uses it.
enum ConnectionReset {
    /// Arms a reset on the connection from `peer`; `false` when no such socket was found (the
    /// connection then closes in order).
    static func arm(peer: HTTPRequest.Address?) -> Bool {
        guard let peer, let wanted = endpoint(peer) else { return false }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return false }
        for descriptor in names.compactMap(Int32.init) where peerEndpoint(of: descriptor).map({ $0 == wanted }) == true {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            return setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size)) == 0
        }
        return false
    }

    /// An address and port as text, for comparing.
    private struct Endpoint: Equatable {
        var host: String
        var port: UInt16
    }

    private static func endpoint(_ address: HTTPRequest.Address) -> Endpoint? {
        switch address {
        case .ip4(let host, let port), .ip6(let host, let port): Endpoint(host: host, port: port)
        case .unix: nil
        }
    }

    /// The peer of a connected IPv4 or IPv6 socket.
    private static func peerEndpoint(of descriptor: Int32) -> Endpoint? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard status == 0 else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var raw = address.pointee.sin_addr
                    guard inet_ntop(AF_INET, &raw, &text, socklen_t(text.count)) != nil else { return nil }
                    return Endpoint(host: String(cString: text), port: UInt16(bigEndian: address.pointee.sin_port))
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var raw = address.pointee.sin6_addr
                    guard inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil else { return nil }
                    return Endpoint(host: String(cString: text), port: UInt16(bigEndian: address.pointee.sin6_port))
                }
            }
        default:
            return nil
        }
    }
}
