import Foundation

/// The real `ocwizard` binary running in the background (a receiver), its output collected to
/// files, stopped by a signal or by itself; every wait polls a condition with a deadline.
final class BackgroundCommand: @unchecked Sendable {
    private let process = Process()
    private let outURL: URL
    private let errURL: URL

    /// Starts `ocwizard arguments…` with the runner's clean environment plus `environment`.
    init(_ runner: CommandRunner, _ arguments: [String], environment: [String: String] = [:]) throws {
        outURL = runner.home.appendingPathComponent("bg-\(UUID().uuidString).out")
        errURL = runner.home.appendingPathComponent("bg-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = arguments
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": runner.home.path, "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit { if process.isRunning { process.terminate() } }

    /// What it wrote to standard output so far.
    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    /// What it wrote to standard error so far.
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Waits until `condition` holds, for at most `seconds`; whether it did.
    @discardableResult
    func waitUntil(seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Sends `signal` (SIGINT is Ctrl-C).
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for it to end and returns its exit status, or `nil` when it did not end in time.
    func exitStatus(seconds: Double = 20) async -> Int32? {
        await waitUntil(seconds: seconds) { !process.isRunning } ? process.terminationStatus : nil
    }
}
