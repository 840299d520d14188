import Foundation
import Sandbox
import Testing

/// `--state FILE`: instances survive a restart; the file is replaced atomically.
@Suite struct PersistenceTests {
    /// A fresh directory for one test's state file.
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func instancesSurviveARestart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        var kept: [String: Any] = [:]
        var deletedID = 0
        try await withSandbox({ $0.statePath = path }) { sandbox in
            let id = try await sandbox.createdInstanceID(name: "keeper", tags: ["x"])
            _ = try await sandbox.sendJSON("PATCH", "/instances/\(id)", ["name": "kept"])
            _ = try await sandbox.send("DELETE", "/instances/\(id)/enabled")
            deletedID = try await sandbox.createdInstanceID(name: "gone")
            _ = try await sandbox.send("DELETE", "/instances/\(deletedID)")
            kept = try await sandbox.send("GET", "/instances/\(id)").object
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files == ["state.json"], "no temporary file is left behind")

        try await withSandbox({ $0.statePath = path }) { sandbox in
            let all = try await sandbox.send("GET", "/instances").array
            #expect(all.count == 1)
            let restored = try #require(all.first)
            for key in ["id", "name", "token", "tags", "disabled", "createdDate", "configuration"] {
                #expect(try canonicalJSON(restored[key]) == canonicalJSON(kept[key]), "\(key)")
            }
            let nextID = try await sandbox.createdInstanceID(name: "after restart")
            #expect(nextID > deletedID, "ids are not reused after a restart")
        }
    }

    @Test func seededInstancesAreSavedAndNotReseeded() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        try await withSandbox({ $0.statePath = path; $0.seedCount = 5 }) { sandbox in
            let listed = try await sandbox.send("GET", "/instances").array
            #expect(listed.count == 5)
        }
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        #expect((saved?["instances"] as? [Any])?.count == 5)
        try await withSandbox({ $0.statePath = path; $0.seedCount = 50 }) { sandbox in
            let listed = try await sandbox.send("GET", "/instances").array
            #expect(listed.count == 5)
        }
    }

    @Test func unreadableStateFileStopsTheStart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        var configuration = SandboxConfiguration()
        configuration.statePath = path
        let server = SandboxServer(configuration: configuration)
        await #expect(throws: (any Error).self) { _ = try await server.start() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not json", "the file is left alone")
    }
}

/// `value` as sorted-key JSON text, so equal JSON compares equal whatever the key order.
private func canonicalJSON(_ value: Any?) throws -> String {
    let data = try JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
