import Glibc

/// A TCP port on 127.0.0.1 that nothing listens on right now, for a test's listener to bind next.
///
/// It is picked at random below the kernel's ephemeral range (`ip_local_port_range`), which is
/// where the kernel takes the local ports of outgoing connections and of sockets bound to port 0:
/// a port from that range, free when looked at, was often taken by one of the many connections
/// other tests open before the listener could bind it ("port in use" in a loaded full run).
public func freeLoopbackPort() -> Int {
    let ephemeralStart = ephemeralRange().lowerBound
    if ephemeralStart > 12_000 {
        for _ in 0..<64 {
            let port = Int.random(in: 10_000..<ephemeralStart)
            if canBind(port) { return port }
        }
    }
    return kernelChosenPort()
}

/// The kernel's range for ephemeral ports (Linux's default when it cannot be read).
private func ephemeralRange() -> ClosedRange<Int> {
    let fallback = 32_768...60_999
    guard let file = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r") else { return fallback }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 64)
    guard fgets(&line, Int32(line.count), file) != nil else { return fallback }
    let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    guard numbers.count == 2, numbers[0] > 0, numbers[1] >= numbers[0] else { return fallback }
    return numbers[0]...numbers[1]
}

/// Whether a socket can bind 127.0.0.1:`port` right now.
private func canBind(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopbackAddress(port: port)
    return withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
}

/// A port the kernel picks for a socket bound to port 0 (then closed).
private func kernelChosenPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = loopbackAddress(port: 0)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// `127.0.0.1:port`.
private func loopbackAddress(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    return address
}
