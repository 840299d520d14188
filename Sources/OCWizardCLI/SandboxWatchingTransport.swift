import OpenConnectors
import SystemPorts

/// Wraps a transport and, when a request to the embedded sandbox fails because the sandbox has
/// died, says so instead of "nothing is listening there".
struct SandboxWatchingTransport: HTTPTransport {
    private let base: any HTTPTransport
    private let sandbox: ParsedURL?
    private let sandboxProcess: any OwnedProcess

    /// Wraps `base` for a run whose sandbox listens at `sandboxURL`.
    init(wrapping base: any HTTPTransport, sandboxURL: String, process: any OwnedProcess) {
        self.base = base
        self.sandbox = ParsedURL(sandboxURL)
        self.sandboxProcess = process
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await base.send(request)
        } catch let error as TransportError {
            guard !error.isCancellation, isSandbox(request.url) else { throw error }
            // A dying process closes its socket a moment before it can be reaped: give it a little time.
            let attempts = if case .connectionRefused = error { 10 } else { 1 }
            for attempt in 1...attempts {
                if let ending = sandboxProcess.ending() { throw TransportError.sandboxStopped(ending: ending) }
                if attempt < attempts { try? await Task.sleep(for: .milliseconds(20)) }
            }
            throw error
        }
    }

    /// Whether `url` has the sandbox's scheme, host and port.
    private func isSandbox(_ url: String) -> Bool {
        guard let sandbox, let target = ParsedURL(url) else { return false }
        return target.scheme == sandbox.scheme && target.host == sandbox.host && target.effectivePort == sandbox.effectivePort
    }
}
