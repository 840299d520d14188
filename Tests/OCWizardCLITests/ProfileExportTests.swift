import Foundation
import Testing

/// `ocwizard profile export`: only the values a profile holds, checked like create, with their origin.
@Suite("Profile export")
struct ProfileExportTests {
    @Test("A value create would refuse is refused by export too, naming the flag; nothing is written")
    func invalidValuesAreRefused() async throws {
        let runner = try CommandRunner()
        let result = try await runner.run(["profile", "export", "--callback-url", "ftp://team.example.com/cb", "--events", "--events-url", "not a url", "--output", "team.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--callback-url"), "\(result.stderr)")
        #expect(result.stderr.contains("--events-url"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("team.json").path))
    }

    @Test("Warnings do not block; each written value says where it came from")
    func provenanceIsShown() async throws {
        let runner = try CommandRunner()
        let last = #"{"baseUrl": "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2", "apiKey": "11111111-2222-3333-4444-555555555555", "namePrefix": "team-a-"}"#
        _ = try runner.file("state/ocwizard/last-run.json", last + "\n")
        let result = try await runner.run(["profile", "export", "--callback-url", "https://team.example.com/cb", "--tag", "team-b"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("callbackUrl = https://team.example.com/cb  (from --callback-url)"), "\(result.stderr)")
        #expect(result.stderr.contains("apiKey = 11111111-2222-3333-4444-555555555555  (from the last successful create)"), "\(result.stderr)")
        #expect(result.stderr.contains("namePrefix = team-a-  (from the last successful create)"), "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["tags"] as? [String] == ["team-b"])
        #expect(json["baseUrl"] as? String == "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2")
    }

    @Test("Flags a profile cannot hold are not offered", arguments: ["--code", "--name"])
    func onlyProfileFlags(flag: String) async throws {
        let runner = try CommandRunner()
        let help = try await runner.run(["profile", "export", "--help"])
        #expect(!help.stdout.contains(flag + " "), "export used to list \(flag) and ignore it")
        let used = try await runner.run(["profile", "export", "--api-key", "11111111-2222-3333-4444-555555555555", flag, "x"])
        #expect(used.status == 2)
    }
}
