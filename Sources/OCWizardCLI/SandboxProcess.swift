import Glibc
import OpenConnectors

/// An `ocwizard-sandbox` child on a free loopback port, stopped when the wizard exits.
final class SandboxProcess {
    /// The sandbox's API base, read from its first line of output.
    let baseURL: String
    /// Whether the child still runs.
    let liveness: SandboxLiveness
    private var stopped = false
    /// The write end of the child's stdin: when this process dies, the child sees end-of-file and exits.
    private let lifeline: Int32

    /// Default sandbox credentials, as the sandbox prints them.
    static let userSecret = "sandbox-user"
    static let organizationSecret = "sandbox-org"
    static let clientID = "5a4db0c5-c11e-4d1d-a000-000000000001"
    static let clientSecret = "sandbox-client-secret"

    /// Fills in the sandbox's address, secrets and Azure app where nothing else set them.
    static func prefill(_ values: inout ValueSources, baseURL: String) {
        let sandboxValues: [ParameterID: String] = [
            .baseURL: baseURL, .userSecret: userSecret, .organizationSecret: organizationSecret,
            .apiKey: clientID, .apiSecret: clientSecret, .callbackURL: "https://localhost/ocwizard/callback",
        ]
        for (id, value) in sandboxValues where values.sources[id] == nil || id == .baseURL {
            values.form[id] = value
            values.sources[id] = .sandbox
        }
    }

    /// Why the sandbox could not be started.
    struct StartFailure: Error { let message: String }

    /// The environment variable naming sandbox variants to play (`--variant`), separated by commas or spaces.
    static let variantsVariable = "OCWIZARD_SANDBOX_VARIANTS"

    /// The `--variant NAME` arguments `environment` asks for (the sandbox rejects unknown names).
    static func variantArguments(_ environment: ProcessEnvironment) -> [String] {
        let names = (environment[variantsVariable] ?? "").split { $0 == "," || $0 == " " }
        return names.flatMap { ["--variant", String($0)] }
    }

    /// Starts the sandbox next to this executable, playing the variants `environment` names, and
    /// waits for its `listening on …` line.
    init(environment: ProcessEnvironment = .current()) throws(StartFailure) {
        let path = ChildProcess.executableDirectory() + "/ocwizard-sandbox"
        guard access(path, X_OK) == 0 else { throw StartFailure(message: "ocwizard-sandbox was not found next to ocwizard (\(path)); build it with make build.") }
        var output: [Int32] = [0, 0]
        var input: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&input) == 0 else { throw StartFailure(message: "could not create pipes") }
        guard let pid = ChildProcess.spawn(path, ["--port", "0", "--exit-on-stdin-eof"] + Self.variantArguments(environment), stdin: input[0], stdout: output[1], closing: [output[0], input[1]]) else {
            throw StartFailure(message: "could not start \(path)")
        }
        close(output[1])
        close(input[0])
        _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
        self.lifeline = input[1]
        let line = Self.readLine(from: output[0])
        close(output[0])
        let prefix = "listening on "
        guard let line, line.hasPrefix(prefix) else {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let variants = environment[Self.variantsVariable].map { "; check \(Self.variantsVariable)=\($0): ocwizard-sandbox --help lists the variant names" } ?? ""
            throw StartFailure(message: "ocwizard-sandbox did not start (it printed: \(line ?? "nothing"))\(variants)")
        }
        baseURL = String(line.dropFirst(prefix.count))
        liveness = SandboxLiveness(pid: pid)
    }

    /// Its address and liveness, for the transports of the run (see `Transports.make`).
    var embedded: EmbeddedSandbox { EmbeddedSandbox(baseURL: baseURL, liveness: liveness) }

    deinit { stop() }

    /// Stops the child and waits for it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(lifeline)
        liveness.stop()
    }

    private static func readLine(from descriptor: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
