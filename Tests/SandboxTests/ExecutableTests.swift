import Foundation
import Testing

/// The `ocwizard-sandbox` command: its first line, banner, options, signals and `--state`.
@Suite(.timeLimit(.minutes(1))) struct ExecutableTests {
    @Test func firstLineIsTheListeningURLThenTheBannerAndSIGTERMExitsCleanly() async throws {
        let sandbox = try SandboxProcess(["--port", "0", "--user-secret", "u2", "--org-secret", "o2"])
        let first = try #require(await sandbox.readLine())
        let port = try #require(SandboxProcess.port(fromListeningLine: first), "\(first)")
        let banner = await sandbox.readBanner().joined(separator: "\n")
        #expect(banner.contains("u2") && banner.contains("o2") && banner.contains("5a4db0c5-c11e-4d1d-a000-000000000001"))
        #expect(banner.contains("sandbox-client-secret"))

        let ok = try await RawHTTPClient.send(
            port: port, method: "GET", target: "/elements/api-v2/instances",
            headers: [("Authorization", "User u2, Organization o2")]
        )
        #expect(ok.status == 200)
        let refused = try await RawHTTPClient.send(
            port: port, method: "GET", target: "/elements/api-v2/instances",
            headers: [RunningSandbox.authorization]
        )
        #expect(refused.status == 401)
        #expect(await sandbox.stop(with: SIGTERM) == 0)
    }

    @Test func stateSurvivesARestartOfTheCommandAndSIGINTExitsCleanly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.json").path

        func count(_ arguments: [String]) async throws -> Int {
            let sandbox = try SandboxProcess(["--state", state] + arguments)
            let line = try #require(await sandbox.readLine())
            let port = try #require(SandboxProcess.port(fromListeningLine: line))
            let response = try await RawHTTPClient.send(
                port: port, method: "GET", target: "/elements/api-v2/instances?hydrate=false",
                headers: [RunningSandbox.authorization]
            )
            #expect(await sandbox.stop(with: SIGINT) == 0)
            return Int(response.headers["elements-total-count"] ?? "") ?? -1
        }
        #expect(try await count(["--seed", "3", "--random-seed", "9"]) == 3)
        #expect(try await count([]) == 3)
    }

    @Test func variantsAreRepeatableNamedInTheBannerAndPlayed() async throws {
        let sandbox = try SandboxProcess(["--port", "0", "--variant", "empty-list-404", "--variant", "service-state"])
        let first = try #require(await sandbox.readLine())
        let port = try #require(SandboxProcess.port(fromListeningLine: first))
        let banner = await sandbox.readBanner().joined(separator: "\n")
        #expect(banner.contains("empty-list-404, service-state"))
        let empty = try await RawHTTPClient.send(port: port, method: "GET", target: "/elements/api-v2/instances", headers: [RunningSandbox.authorization])
        #expect(empty.status == 404)
        #expect(await sandbox.stop(with: SIGTERM) == 0)
    }

    @Test func anUnknownVariantIsRefusedWithTheKnownNames() async throws {
        let sandbox = try SandboxProcess(["--port", "0", "--variant", "no-such-thing"])
        #expect(await sandbox.readLine() == nil)
        sandbox.process.waitUntilExit()
        #expect(sandbox.process.terminationStatus != 0)
    }

    @Test func aTakenPortFailsWithANonZeroStatus() async throws {
        try await withSandbox { running in
            let sandbox = try SandboxProcess(["--port", String(running.port)])
            #expect(await sandbox.readLine() == nil)
            sandbox.process.waitUntilExit()
            #expect(sandbox.process.terminationStatus != 0)
        }
    }
}
