import Foundation
import Testing
import Wizard
@testable import OCWizardCLI

/// The file write behind "Save to file": the path shown is the absolute path written.
@Suite("Secure file writes")
struct SecureFileTests {
    /// A fresh private directory.
    private func directory() throws -> String {
        let path = NSTemporaryDirectory() + "ocwizard-secure-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("~/ is expanded with the home directory, and the absolute path is returned")
    func tildeExpanded() throws {
        let home = try directory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = SecureFile.write("{}\n", to: "~/tok.json", overwrite: false, home: home, currentDirectory: "/nonexistent")
        #expect(result == .success(home + "/tok.json"))
        let attributes = try FileManager.default.attributesOfItem(atPath: home + "/tok.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: home + "/tok.json", encoding: .utf8) == "{}\n")
    }

    @Test("a relative path is written under the current directory and reported absolute, also when it exists")
    func relativeBecomesAbsolute() throws {
        let current = try directory()
        defer { try? FileManager.default.removeItem(atPath: current) }
        #expect(SecureFile.write("a", to: "tok.json", overwrite: false, home: nil, currentDirectory: current) == .success(current + "/tok.json"))
        #expect(SecureFile.write("b", to: "tok.json", overwrite: false, home: nil, currentDirectory: current) == .failure(.exists(path: current + "/tok.json")))
        #expect(try String(contentsOfFile: current + "/tok.json", encoding: .utf8) == "a")
        #expect(SecureFile.write("b", to: current + "/tok.json", overwrite: true, home: nil, currentDirectory: "/") == .success(current + "/tok.json"))
        #expect(try String(contentsOfFile: current + "/tok.json", encoding: .utf8) == "b")
    }

    @Test("~ without a home directory is refused with what to type instead")
    func noHome() {
        guard case .failure(.failed(let path, let reason)) = SecureFile.write("a", to: "~/tok.json", overwrite: false, home: nil, currentDirectory: "/") else {
            Issue.record("expected a failure")
            return
        }
        #expect(path == "~/tok.json")
        #expect(reason.contains("HOME is not set"))
    }
}
