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
/// Two listeners: `port` presents a certificate for `127.0.0.1` and `localhost`; `wrongNamePort`
/// presents one for `wrong.example`. Each certificate is its own CA, so passing its file as
/// `--cacert` makes it trusted.
struct TLSTunnel: Sendable {
    /// The port with the correctly named certificate.
    let port: UInt16
    /// The port with the certificate for another host name.
    let wrongNamePort: UInt16
    /// The PEM file of the correctly named certificate (use as CA file).
    let certificateFile: String
    /// The PEM file of the wrongly named certificate (use as CA file).
    let wrongNameCertificateFile: String
    /// A path inside the temporary directory where no file exists.
    let missingFile: String
}

/// Starts stunnel in front of `backendPort`, runs `body`, then stops stunnel and removes its files whatever happens.
func withTLSTunnel<Result>(to backendPort: UInt16, _ body: (TLSTunnel) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocw-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = try makeCertificate(in: directory, name: "good", subjectAltName: "DNS:localhost,IP:127.0.0.1")
    let wrong = try makeCertificate(in: directory, name: "wrong", subjectAltName: "DNS:wrong.example")

    let ports = (try LocalPort.unused(), try LocalPort.unused())
    let configuration = """
        foreground = yes
        pid =
        debug = 3
        [good]
        accept = 127.0.0.1:\(ports.0)
        connect = 127.0.0.1:\(backendPort)
        cert = \(good.certificate)
        key = \(good.key)
        [wrong]
        accept = 127.0.0.1:\(ports.1)
        connect = 127.0.0.1:\(backendPort)
        cert = \(wrong.certificate)
        key = \(wrong.key)
        """
    let configurationFile = directory.appendingPathComponent("stunnel.conf")
    try configuration.write(to: configurationFile, atomically: true, encoding: .utf8)
    let logFile = directory.appendingPathComponent("stunnel.log")
    FileManager.default.createFile(atPath: logFile.path, contents: nil)

    let stunnel = Process()
    stunnel.executableURL = try executable(named: "stunnel4", orElse: "stunnel")
    stunnel.arguments = [configurationFile.path]
    stunnel.standardOutput = try FileHandle(forWritingTo: logFile)
    stunnel.standardError = stunnel.standardOutput
    try stunnel.run()
    defer {
        stunnel.terminate()
        stunnel.waitUntilExit()
    }
    try await waitUntil("stunnel accepts on ports \(ports.0) and \(ports.1)") {
        guard stunnel.isRunning else {
            throw StunnelExited(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
        }
        return LocalPort.acceptsConnections(ports.0) && LocalPort.acceptsConnections(ports.1)
    }
    return try await body(TLSTunnel(port: ports.0, wrongNamePort: ports.1, certificateFile: good.certificate,
                                    wrongNameCertificateFile: wrong.certificate,
                                    missingFile: directory.appendingPathComponent("missing-ca.pem").path))
}

/// stunnel stopped before it listened (its log says why).
struct StunnelExited: Error, CustomStringConvertible {
    /// stunnel's own output.
    var log: String
    var description: String { "stunnel exited early:\n\(log)" }
}

/// Writes a self-signed EC certificate and key with the given subject alternative names.
private func makeCertificate(in directory: URL, name: String, subjectAltName: String) throws -> (certificate: String, key: String) {
    let certificate = directory.appendingPathComponent("\(name)-cert.pem").path
    let key = directory.appendingPathComponent("\(name)-key.pem").path
    let openssl = Process()
    openssl.executableURL = try executable(named: "openssl")
    openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                         "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=\(name) test",
                         "-addext", "subjectAltName=\(subjectAltName)"]
    openssl.standardOutput = FileHandle.nullDevice
    openssl.standardError = FileHandle.nullDevice
    try openssl.run()
    openssl.waitUntilExit()
    try #require(openssl.terminationStatus == 0, "openssl could not make the \(name) certificate")
    return (certificate, key)
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
    /// A port nothing listens on right now (the kernel's choice for an ephemeral bind).
    static func unused() throws -> UInt16 {
        let socket = try openSocket()
        defer { close(socket) }
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
