import CurlTransport
import Foundation
import OpenConnectors
import Sandbox
import Testing
import SystemTesting

/// The result of running the real `ocwizard` binary.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String

    /// Both streams, for "never contains" checks.
    var allOutput: String { stdout + "\n" + stderr }
}

/// Runs the built `ocwizard` binary with a clean environment and a private home.
struct CommandRunner {
    /// The package root, found from this file.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `.build/debug/ocwizard`.
    static let binary = packageRoot.appendingPathComponent(".build/debug/ocwizard").path
    /// `.build/debug/ocwizard-sandbox`.
    static let sandboxBinary = packageRoot.appendingPathComponent(".build/debug/ocwizard-sandbox").path

    /// A private HOME / XDG folder for this runner.
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ocwizard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Runs `ocwizard arguments…` with `environment` added to a minimal one, feeding `input` on stdin.
    ///
    /// The wait happens on a thread of its own: blocking a cooperative thread would starve the
    /// in-process sandbox the child is talking to.
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, executable: String = binary) async throws -> CommandResult {
        try await onOwnThread { try runBlocking(arguments, environment: environment, input: input, executable: executable) }
    }

    private func runBlocking(_ arguments: [String], environment: [String: String], input: String?, executable: String) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home.path,
                   "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                   "XDG_STATE_HOME": home.appendingPathComponent("state").path, "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = home
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        signal(SIGPIPE, SIG_IGN) // a child that exits before reading its input must not kill the test run
        try process.run()
        if let input { try? inPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes an executable script in the private home through a child shell; returns its path.
    ///
    /// Were this process to open it for writing, a child forked meanwhile by another test could
    /// hold the descriptor, and running the script would fail with "Text file busy".
    func executable(_ name: String, _ contents: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh", url.path]
        let input = Pipe()
        shell.standardInput = input
        try shell.run()
        input.fileHandleForWriting.write(Data(contents.utf8))
        try input.fileHandleForWriting.close()
        shell.waitUntilExit()
        return url.path
    }

    /// Writes a file in the private home with the given mode; returns its path.
    func file(_ name: String, _ contents: String, mode: Int = 0o600) throws -> String {
        let url = home.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url.path
    }
}

/// A sandbox on a free port for one test, with helpers to sign in and inspect it.
struct TestSandbox {
    let server: SandboxServer
    let baseURL: String

    static let userSecret = "sandbox-user"
    static let organizationSecret = "sandbox-org"
    static let clientID = "5a4db0c5-c11e-4d1d-a000-000000000001"
    static let clientSecret = "sandbox-client-secret"
    static let callbackURL = "https://localhost/ocwizard/callback"

    /// The secrets as environment variables.
    static let secretEnvironment = ["OC_USER_SECRET": userSecret, "OC_ORG_SECRET": organizationSecret, "OC_API_SECRET": clientSecret]

    static func start(seed: Int = 0, variants: Set<SandboxVariant> = []) async throws -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.seedCount = seed
        configuration.variants = variants
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start(port: 0)
        return TestSandbox(server: server, baseURL: await server.baseURL)
    }

    /// Signs in at the sandbox's consent page and returns the redirected address (with a fresh code).
    ///
    /// Sent from this process (libcurl, which follows no redirect), not by a child process: the
    /// tests start enough children already.
    func signIn(state: String = "test-state") async throws -> String {
        let root = baseURL.replacingOccurrences(of: "/elements/api-v2", with: "")
        let query = "client_id=\(Self.clientID)&response_type=code&redirect_uri=\(Self.callbackURL.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&scope=offline_access&state=\(state)"
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: "\(root)/sandbox/authorize?\(query)"))
        return response.header("Location") ?? ""
    }

    /// The instances the sandbox holds, as JSON objects (read from this process).
    func instances() async throws -> [[String: Any]] {
        let response = try await CurlTransport().send(HTTPRequest(method: "GET", url: "\(baseURL)/instances?pageSize=200", headers: [
            HTTPHeader("Authorization", "User \(Self.userSecret), Organization \(Self.organizationSecret)"),
        ]))
        return (try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]]) ?? []
    }

    /// Every secret value a run may have seen.
    static let secrets = [userSecret, organizationSecret, clientSecret]

}

/// The common flags of a valid create against a sandbox.
func createFlags(_ sandbox: TestSandbox, code: String, name: String = "cli-instance") -> [String] {
    ["create", "--no-input", "--base-url", sandbox.baseURL, "--api-key", TestSandbox.clientID,
     "--callback-url", TestSandbox.callbackURL, "--code", code, "--name", name]
}
