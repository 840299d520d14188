import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real TLS terminator (Debian's `stunnel4`) in front of a plain-HTTP port, with self-signed
/// certificates made by `openssl` in a temporary directory.
///
/// Three listeners: `port` presents a certificate for `127.0.0.1` and `localhost`; `wrongNamePort`
/// presents one for `wrong.example`; `expiredPort` one for the right names that expired in 2020.
/// Each certificate is its own CA, so passing its file as `--cacert` makes it trusted.
struct TLSTunnel: Sendable {
    /// The port with the correctly named certificate.
    let port: UInt16
    /// The port with the certificate for another host name.
    let wrongNamePort: UInt16
    /// The PEM file of the correctly named certificate (use as CA file).
    let certificateFile: String
    /// The PEM file of the wrongly named certificate (use as CA file).
    let wrongNameCertificateFile: String
    /// The port with the expired certificate.
    let expiredPort: UInt16
    /// The PEM file of the expired certificate (use as CA file).
    let expiredCertificateFile: String
    /// A path inside the temporary directory where no file exists.
    let missingFile: String
}

/// Starts stunnel in front of `backendPort`, runs `body`, then stops stunnel and removes its files whatever happens.
@discardableResult
func withTLSTunnel<Result>(to backendPort: UInt16, _ body: (TLSTunnel) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocw-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = try await makeCertificate(in: directory, name: "good", subjectAltName: "DNS:localhost,IP:127.0.0.1")
    let wrong = try await makeCertificate(in: directory, name: "wrong", subjectAltName: "DNS:wrong.example")
    let expired = try await makeExpiredCertificate(in: directory, subjectAltName: "DNS:localhost,IP:127.0.0.1")

    let (stunnel, ports) = try await startStunnel(in: directory, backendPort: backendPort, certificates: [good, wrong, expired])
    do {
        let result = try await body(TLSTunnel(port: ports[0], wrongNamePort: ports[1], certificateFile: good.certificate,
                                              wrongNameCertificateFile: wrong.certificate,
                                              expiredPort: ports[2], expiredCertificateFile: expired.certificate,
                                              missingFile: directory.appendingPathComponent("missing-ca.pem").path))
        await stunnel.stop()
        return result
    } catch {
        await stunnel.stop()
        throw error
    }
}

/// Starts stunnel with one listener per certificate, on free ports, and waits until all accept connections.
///
/// A port found free can be taken by another process before stunnel binds it; stunnel then
/// exits, and the start is retried on new ports.
private func startStunnel(in directory: URL, backendPort: UInt16,
                          certificates: [(certificate: String, key: String)]) async throws -> (ChildProcess, [UInt16]) {
    var attempt = 1
    while true {
        let ports = try LocalPort.unused(count: certificates.count)
        let services = zip(ports, certificates).enumerated().map { index, pair in
            """
            [listener-\(index)]
            accept = 127.0.0.1:\(pair.0)
            connect = 127.0.0.1:\(backendPort)
            cert = \(pair.1.certificate)
            key = \(pair.1.key)
            """
        }
        let configuration = (["foreground = yes", "pid =", "debug = 3"] + services).joined(separator: "\n")
        let configurationFile = directory.appendingPathComponent("stunnel-\(attempt).conf")
        try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
        let logFile = directory.appendingPathComponent("stunnel-\(attempt).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let stunnel = ChildProcess(try executable(named: "stunnel4", "stunnel"), [configurationFile.path],
                                   output: try FileHandle(forWritingTo: logFile))
        try stunnel.start()
        do {
            try await waitUntil("stunnel accepts on ports \(ports)") {
                guard stunnel.isRunning else {
                    throw StunnelExited(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
                }
                return ports.allSatisfy(LocalPort.acceptsConnections)
            }
            return (stunnel, ports)
        } catch is StunnelExited where attempt < 3 {
            attempt += 1
        } catch {
            await stunnel.stop()
            throw error
        }
    }
}

/// stunnel stopped before it listened (its log says why).
struct StunnelExited: Error, CustomStringConvertible {
    /// stunnel's own output.
    var log: String
    var description: String { "stunnel exited early:\n\(log)" }
}

/// Writes a self-signed EC certificate and key with the given subject alternative names.
private func makeCertificate(in directory: URL, name: String, subjectAltName: String) async throws -> (certificate: String, key: String) {
    let certificate = directory.appendingPathComponent("\(name)-cert.pem").path
    let key = directory.appendingPathComponent("\(name)-key.pem").path
    let openssl = ChildProcess(try executable(named: "openssl"),
                               ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=\(name) test",
                                "-addext", "subjectAltName=\(subjectAltName)"],
                               output: FileHandle.nullDevice)
    try openssl.start()
    let status = await openssl.exitStatus()
    try #require(status == 0, "openssl could not make the \(name) certificate")
    return (certificate, key)
}

/// A child process awaited without blocking a thread (a blocking wait would starve Swift's cooperative pool).
final class ChildProcess: Sendable {
    private let process: Process
    private let exited: AsyncStream<Int32>

    /// Prepares `executable` with `arguments`, its output and errors going to `output`.
    init(_ executable: URL, _ arguments: [String], output: FileHandle) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        let (exited, continuation) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { continuation.yield($0.terminationStatus); continuation.finish() }
        self.process = process
        self.exited = exited
    }

    /// Starts the process.
    func start() throws { try process.run() }

    /// Whether it is still running.
    var isRunning: Bool { process.isRunning }

    /// Waits for the process to end and returns its exit status.
    func exitStatus() async -> Int32 {
        for await status in exited { return status }
        return process.terminationStatus
    }

    /// Ends the process with SIGKILL and waits for it. (SIGTERM may stay blocked: a child
    /// started from a Swift concurrency thread inherits that thread's blocked signals.)
    func stop() async {
        if process.isRunning { _ = kill(process.processIdentifier, SIGKILL) }
        _ = await exitStatus()
    }
}

/// The first of `names` found on `PATH` (or in `/usr/bin`).
private func executable(named names: String...) throws -> URL {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/sbin"
    for name in names {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
    }
    throw MissingTool(names: names)
}

/// A tool the HTTPS tests need is not installed (`make test` installs `stunnel4` and `openssl`).
struct MissingTool: Error, CustomStringConvertible {
    /// The names looked for.
    var names: [String]
    var description: String { "none of \(names.joined(separator: ", ")) is installed; apt-get install stunnel4 openssl" }
}

/// TCP facts about 127.0.0.1 that the tunnel needs.
enum LocalPort {
    /// `count` different ports nothing listens on right now (the kernel's choices for ephemeral binds).
    static func unused(count: Int) throws -> [UInt16] {
        var sockets: [Int32] = []
        defer { sockets.forEach { close($0) } }
        return try (0..<count).map { _ in
            let socket = try openSocket()
            sockets.append(socket)
            var address = loopback(port: 0)
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
                }
            }
            try #require(bound, "could not bind an ephemeral port")
            return UInt16(bigEndian: address.sin_port)
        }
    }

    /// Whether something accepts TCP connections on `port`.
    static func acceptsConnections(_ port: UInt16) -> Bool {
        guard let socket = try? openSocket() else { return false }
        defer { close(socket) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func openSocket() throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        try #require(socket >= 0, "could not open a socket")
        return socket
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// Writes a self-signed EC certificate and key for `subjectAltName` that was valid only on
/// 1 January 2020 (`openssl ca` sets past dates; OpenSSL 3.0's `req -x509` cannot).
private func makeExpiredCertificate(in directory: URL, subjectAltName: String) async throws -> (certificate: String, key: String) {
    let ca = directory.appendingPathComponent("expired-ca")
    try FileManager.default.createDirectory(at: ca, withIntermediateDirectories: true)
    try "".write(to: ca.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
    try "01\n".write(to: ca.appendingPathComponent("serial"), atomically: true, encoding: .utf8)
    let configuration = ca.appendingPathComponent("ca.cnf")
    try """
        [ca]
        default_ca = test
        [test]
        database = \(ca.path)/index.txt
        serial = \(ca.path)/serial
        new_certs_dir = \(ca.path)
        default_md = sha256
        policy = anything
        copy_extensions = copy
        [anything]
        commonName = supplied
        """.write(to: configuration, atomically: true, encoding: .utf8)
    let key = directory.appendingPathComponent("expired-key.pem").path
    let request = ca.appendingPathComponent("request.pem").path
    let certificate = directory.appendingPathComponent("expired-cert.pem").path
    for arguments in [
        ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", request,
         "-subj", "/CN=expired test", "-addext", "subjectAltName=\(subjectAltName)", "-addext", "basicConstraints=critical,CA:TRUE"],
        ["ca", "-batch", "-config", configuration.path, "-selfsign", "-keyfile", key, "-in", request, "-out", certificate,
         "-startdate", "20200101000000Z", "-enddate", "20200102000000Z"],
    ] {
        let openssl = ChildProcess(try executable(named: "openssl"), arguments, output: FileHandle.nullDevice)
        try openssl.start()
        let status = await openssl.exitStatus()
        try #require(status == 0, "openssl \(arguments[0]) could not make the expired certificate")
    }
    return (certificate, key)
}
