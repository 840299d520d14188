import CurlTransport
import Foundation
import OpenConnectors
import SystemTesting
import Testing

/// "Are my events working?" end to end: an instance in the sandbox whose events go to
/// `ocwizard events listen` (a real process), a sandbox trigger, and the verified event printed.
@Suite("Events end to end")
struct EventsEndToEndTests {
    static let key = "end-to-end-signature-key"

    @Test("sandbox trigger → signed notification → events listen prints the verified event")
    func triggerReachesListener() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let port = freeLoopbackPort()
        let listener = try BackgroundCommand(runner, ["events", "listen", "--port", "\(port)", "--path", "/events", "--count", "1"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(await listener.waitUntil { listener.stderr.contains("Listening") }, "\(listener.stderr)")

        let code = try await sandbox.signIn()
        let body: [String: Any] = [
            "element": ["key": "microsoftgraph"], "name": "events-e2e", "providerData": ["code": URLComponents(string: code)?.queryItems?.first { $0.name == "code" }?.value ?? code],
            "configuration": ["oauth.api.key": TestSandbox.clientID, "oauth.api.secret": TestSandbox.clientSecret, "oauth.callback.url": TestSandbox.callbackURL,
                              "event.notification.enabled": true, "event.notification.callback.url": "http://127.0.0.1:\(port)/events",
                              "event.notification.signature.key": Self.key],
        ]
        let platform = [HTTPHeader("Authorization", "User \(TestSandbox.userSecret), Organization \(TestSandbox.organizationSecret)"),
                        HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
        let created = try await CurlTransport().send(HTTPRequest(method: "POST", url: "\(sandbox.baseURL)/instances", headers: platform,
                                                                 body: Array(try JSONSerialization.data(withJSONObject: body))))
        #expect(created.status == 200, "\(String(decoding: created.body, as: UTF8.self))")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any])?["id"] as? Int)

        let root = sandbox.baseURL.replacingOccurrences(of: "/elements/api-v2", with: "")
        let trigger = try await CurlTransport().send(HTTPRequest(method: "POST", url: "\(root)/sandbox/instances/\(id)/events"))
        #expect(trigger.status == 202)
        let eventId = try #require((try JSONSerialization.jsonObject(with: Data(trigger.body)) as? [String: Any])?["id"] as? String)

        #expect(await listener.exitStatus() == 0, "\(listener.stderr)")
        #expect(listener.stdout.contains("200  ✓ valid  event \(eventId)  instance \(id)  webhook-id \(eventId)"), "\(listener.stdout)")
        #expect(listener.stdout.contains("UPDATED  events  AAMkAD"), "\(listener.stdout)")

        // What the service received, as `events list` shows it once the delivery is recorded.
        var listed = CommandResult(status: -1, stdout: "", stderr: "")
        let deadline = Date().addingTimeInterval(20)
        repeat {
            listed = try await runner.run(["events", "list", "--id", "\(id)", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        } while !listed.stdout.contains("NOTIFIED") && Date() < deadline
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("NOTIFIED  \(eventId)"), "\(listed.stdout)")
        let asJSON = try await runner.run(["events", "list", "--id", "\(id)", "--json", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(asJSON.stdout.utf8)) as? [[String: Any]])
        #expect(records.first?["id"] as? String == eventId)
        let unknown = try await runner.run(["events", "list", "--id", "99999", "--base-url", sandbox.baseURL], environment: TestSandbox.secretEnvironment)
        #expect(unknown.status == 3, "\(unknown.allOutput)")
        await sandbox.server.stop()
    }
}
