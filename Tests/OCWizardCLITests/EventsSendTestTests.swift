import Foundation
import OpenConnectors
import Synchronization
import System
import SystemPorts
import SystemTesting
import Testing
import WebhookSigning

/// `ocwizard events send-test` (the real binary) against receivers that answer 200, 500 and slowly.
@Suite("Events send-test")
struct EventsSendTestTests {
    static let key = "send-test-key"

    @Test("200 quickly: exit 0; the request is a signed notification in the documented envelope with both headers")
    func good() async throws {
        let runner = try CommandRunner()
        var received: [HTTPServerRequest] = []
        try await withRecordingReceiver(server: SystemLoopbackListener(), status: 200) { url, seen in
            let result = try await runner.run(["events", "send-test", "--url", url, "--instance-id", "917"], environment: ["OC_SIGNATURE_KEY": Self.key])
            #expect(result.status == 0, "\(result.allOutput)")
            #expect(result.stdout.contains("✓ The receiver answered 200 in"), "\(result.stdout)")
            #expect(!result.allOutput.contains(Self.key))
            received = seen()
        }
        let request = try #require(received.first)
        #expect(request.method == "POST")
        #expect(try SignatureCheck.check(header: request.header("Elements-Webhook-Signature"), body: request.body, key: Array(Self.key.utf8)) == .valid)
        let notification = try #require(WebhookNotification(body: request.body))
        #expect(notification.instanceId == "917")
        #expect(notification.eventId == request.header("Elements-Webhook-Id"))
        #expect(notification.events.first?.eventType == "UPDATED")
    }

    @Test("500: exit 1, and it says the platform retries and then deactivates")
    func serverError() async throws {
        let runner = try CommandRunner()
        try await withRecordingReceiver(server: SystemLoopbackListener(), status: 500) { url, _ in
            let result = try await runner.run(["events", "send-test", "--url", url], environment: ["OC_SIGNATURE_KEY": Self.key])
            #expect(result.status == 1)
            #expect(result.stdout.contains("answered 500"), "\(result.stdout)")
            #expect(result.stdout.contains("deactivates the subscription"))
        }
    }

    @Test("200 slowly: exit 1 with the advice to answer first")
    func slow() async throws {
        let runner = try CommandRunner()
        try await withRecordingReceiver(server: SystemLoopbackListener(), status: 200, delay: .milliseconds(400)) { url, _ in
            let result = try await runner.run(["events", "send-test", "--url", url, "--slow-after", "200"], environment: ["OC_SIGNATURE_KEY": Self.key])
            #expect(result.status == 1)
            #expect(result.stdout.contains("2xx, but slowly (more than 200 ms)"), "\(result.stdout)")
        }
    }

    @Test("nothing listening: exit 4; a URL that is not http: exit 2 naming --url")
    func failures() async throws {
        let runner = try CommandRunner()
        let refused = try await runner.run(["events", "send-test", "--url", "http://127.0.0.1:\(freeLoopbackPort())/events"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(refused.status == 4)
        #expect(refused.stdout.contains("nothing is listening"), "\(refused.stdout)")
        let bad = try await runner.run(["events", "send-test", "--url", "ftp://x"], environment: ["OC_SIGNATURE_KEY": Self.key])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--url"))
    }
}
