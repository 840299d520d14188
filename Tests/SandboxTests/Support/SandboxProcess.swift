import Foundation
import Testing
import SystemTesting

/// The `ocwizard-sandbox` executable run as a child process, read through a pipe.
final class SandboxProcess: @unchecked Sendable {
    /// The running child.
    let process = Process()
    private let output = Pipe()
    private var buffered = Data()

    /// The built executable beside the test bundle, if the build made it.
    static var executable: URL? {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
            .flatMap { [$0, $0.deletingLastPathComponent()] }
            .map { $0.appendingPathComponent("ocwizard-sandbox") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the executable with `arguments`.
    init(_ arguments: [String]) throws {
        guard let executable = Self.executable else { throw MissingExecutable() }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The next line on stdout (without the newline), or `nil` at end of output.
    func readLine() async -> String? {
        await onOwnThread { self.blockingReadLine() }
    }

    /// Reads until a newline or end of output.
    private func blockingReadLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered = Data(buffered[buffered.index(after: newline)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return buffered.isEmpty ? nil : String(decoding: buffered, as: UTF8.self) }
            buffered.append(chunk)
        }
    }

    /// Reads the banner's lines, through its closing "Press Ctrl-C to stop." line.
    func readBanner() async -> [String] {
        var lines: [String] = []
        while let line = await readLine() {
            lines.append(line)
            if line.hasPrefix("Press Ctrl-C") { break }
        }
        return lines
    }

    /// Sends `signal` and waits for the exit status.
    func stop(with signal: Int32) async -> Int32 {
        kill(process.processIdentifier, signal)
        return await onOwnThread {
            self.process.waitUntilExit()
            return self.process.terminationStatus
        }
    }

    /// The test bundle has no `ocwizard-sandbox` beside it: build the product first.
    struct MissingExecutable: Error {}

    /// The port from a `listening on http://127.0.0.1:PORT/elements/api-v2` line.
    static func port(fromListeningLine line: String) -> UInt16? {
        let prefix = "listening on http://127.0.0.1:"
        let suffix = "/elements/api-v2"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
        return UInt16(line.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
