import CurlTransport
import Foundation
import OpenConnectors
import SystemTesting
import Testing

/// `ocwizard events listen` as the real binary on a real socket, fed by libcurl.
@Suite("Events listen")
struct EventsListenTests {
    static let key = "listen-test-key"
    static let body = #"{"message":{"eventId":"evt-42","instanceId":917,"events":[{"eventType":"UPDATED","objectType":"events","objectId":"AAMk\u001b[31mred"}]}}"#

    /// `sha256=` + base64(HMAC-SHA256) computed by openssl, an implementation independent of ocwizard's.
    static func opensslSignature(_ body: String, key: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "openssl dgst -sha256 -hmac \"$KEY\" -binary | base64"]
        process.environment = ["KEY": key, "PATH": "/usr/bin:/bin"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(body.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return "sha256=" + String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func post(port: Int, path: String = "/events", signature: String?, body: String = body) async throws -> HTTPResponse {
        var headers = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Elements-Webhook-Id", "hook-7")]
        if let signature { headers.append(HTTPHeader("Elements-Webhook-Signature", signature)) }
        return try await CurlTransport().send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)\(path)", headers: headers, body: Array(body.utf8)))
    }

    @Test("200 to a genuine notification, 401 to a bad or missing signature, 404 elsewhere; each printed with its events; --count ends it")
    func receives() async throws {
        let runner = try CommandRunner()
        let port = freeLoopbackPort()
        let listener = try BackgroundCommand(runner, ["events", "listen", "--port", "\(port)", "--path", "/events", "--count", "1"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(await listener.waitUntil { listener.stderr.contains("Listening") }, "\(listener.stderr)")
        #expect(try await Self.post(port: port, path: "/other", signature: nil).status == 404)
        #expect(try await Self.post(port: port, signature: nil).status == 401)
        let hex = try await Self.post(port: port, signature: "sha256=00")
        #expect(hex.status == 401)
        let good = try await Self.post(port: port, signature: try Self.opensslSignature(Self.body, key: Self.key))
        #expect(good.status == 200)
        #expect(await listener.exitStatus() == 0)
        let out = listener.stdout
        #expect(out.contains("401  ✗ no signature  event evt-42  instance 917"), "\(out)")
        #expect(out.contains("200  ✓ valid  event evt-42  instance 917  webhook-id hook-7"), "\(out)")
        #expect(out.contains("UPDATED  events  AAMk\\u{1b}[31mred"), "control characters made visible: \(out)")
        #expect(!out.contains("\u{1b}"))
        #expect(!(out + listener.stderr).contains(Self.key))
    }

    @Test("--json prints one line per request with the raw body; Ctrl-C stops it cleanly and frees the port")
    func jsonAndInterrupt() async throws {
        let runner = try CommandRunner()
        let port = freeLoopbackPort()
        let listener = try BackgroundCommand(runner, ["events", "listen", "--port", "\(port)", "--json"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(await listener.waitUntil { listener.stderr.contains("Listening") }, "\(listener.stderr)")
        #expect(try await Self.post(port: port, signature: try Self.opensslSignature(Self.body, key: Self.key)).status == 200)
        #expect(await listener.waitUntil { listener.stdout.contains("\n") })
        let line = try #require(listener.stdout.split(separator: "\n").first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(json["status"] as? Int == 200)
        #expect(json["eventId"] as? String == "evt-42")
        #expect(json["body"] as? String == Self.body)
        listener.send(SIGINT)
        #expect(await listener.exitStatus() == 0)
        #expect(listener.stderr.contains("Stopped (Ctrl-C); 1 genuine notification received."), "\(listener.stderr)")
        await #expect(throws: (any Error).self) { try await Self.post(port: port, signature: nil) }
    }

    @Test("a port in use and a bad --path are refused with what to do")
    func refusals() async throws {
        let runner = try CommandRunner()
        let path = try await runner.run(["events", "listen", "--path", "events"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(path.status == 2)
        #expect(path.stderr.contains("--path: events must start with /"), "\(path.stderr)")
        let noKey = try await runner.run(["events", "listen"])
        #expect(noKey.status == 2)
        #expect(noKey.stderr.contains("OC_SIGNATURE_KEY"))
    }
}
