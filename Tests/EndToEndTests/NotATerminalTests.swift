import Foundation
import Testing

/// Without a terminal the wizard never draws: it says so and exits 2.
@Suite("End to end: not a terminal")
struct NotATerminalTests {
    @Test("ocwizard < /dev/null exits 2 and names the missing terminal")
    func stdinNotATerminal() async throws {
        let result = try await Command.run(try Executables.ocwizard, [], environment: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a terminal"), "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["), "escape sequences on stdout: \(result.stdout.debugDescription)")
        #expect(!result.stderr.contains("\u{1B}["), "escape sequences on stderr: \(result.stderr.debugDescription)")
    }
}
