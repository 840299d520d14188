import Glibc
import SystemPorts
import Testing
@testable import System

/// The real process launcher: what a child gets (argv, environment), how it ended, stopping it.
@Suite("System processes")
struct SystemProcessesTests {
    private let launcher = SystemProcesses()

    /// Starts `/bin/sh -c script` as an owned child with `environment`.
    private func shell(_ script: String, environment: [String: String] = [:]) throws -> any OwnedProcess {
        try launcher.startOwned(LaunchRequest(program: "/bin/sh", arguments: ["-c", script], environment: ProcessEnvironment(values: environment)))
    }

    /// Waits up to five seconds for the child to end and returns how it ended.
    private func ending(of process: any OwnedProcess) async throws -> String? {
        for _ in 0..<500 {
            if let how = process.ending() { return how }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    @Test("how the child ended: exit status or signal")
    func endings() async throws {
        #expect(try await ending(of: shell("exit 3")) == "exited with status 3")
        #expect(try await ending(of: shell("kill -KILL $$")) == "killed by signal 9 (SIGKILL)")
    }

    @Test("a child gets exactly the request's environment, never this process's")
    func environmentIsExactlyTheRequests() throws {
        // `swift test` always runs with HOME set; the child must not see it unless given.
        #expect(ProcessEnvironment.current()["HOME"] != nil)
        let child = try shell(#"printf '%s|%s\n' "${HOME-unset}" "$GIVEN""#, environment: ["GIVEN": "given"])
        #expect(child.firstOutputLine() == "unset|given")
        child.stop()
    }

    @Test("arguments reach the child one by one, without a shell in between")
    func argumentsAsGiven() throws {
        let child = try launcher.startOwned(LaunchRequest(program: "/bin/echo", arguments: ["a b", "$HOME", "'c'"], environment: ProcessEnvironment(values: [:])))
        #expect(child.firstOutputLine() == "a b $HOME 'c'")
        child.stop()
    }

    @Test("stop ends a running child and says so; a second stop is harmless")
    func stopRunning() throws {
        let child = try shell("sleep 30")
        #expect(child.ending() == nil)
        child.stop()
        #expect(child.ending() == "stopped by ocwizard")
        child.stop()
    }

    @Test("a program that does not exist is a launch failure naming it")
    func missingProgram() {
        #expect(throws: LaunchFailure.self) {
            try launcher.startDetached(LaunchRequest(program: "/nonexistent/ocwizard-no-such-program", arguments: [], environment: ProcessEnvironment(values: [:])))
        }
        #expect(launcher.isExecutable("/bin/sh"))
        #expect(!launcher.isExecutable("/nonexistent/ocwizard-no-such-program"))
        #expect(launcher.executableDirectory().hasPrefix("/"))
    }
}
