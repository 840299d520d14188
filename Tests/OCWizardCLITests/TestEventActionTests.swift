import CurlTransport
import OpenConnectors
import System
import SystemTesting
import Testing
import WebhookSigning
@testable import OCWizardCLI
import Wizard

/// "Send test event" on the create result and the recover detail: the wizard's effect, performed
/// for real over libcurl, reaches a receiver signed with the instance's key.
@Suite("Send test event from the wizard")
struct TestEventActionTests {
    static let key = "wizard-test-event-key"

    @Test("The effect sends a signed notification naming the instance; 200 is reported good, 500 not")
    func liveEffect() async throws {
        let performer = LiveEffects(transport: CurlTransport(), ports: InMemoryPorts().ports)
        try await withRecordingReceiver(server: SystemLoopbackListener(), status: 200) { url, seen in
            let results = await performer.results(of: .sendTestEvent(TestEventRequest(url: url, signatureKey: Secret(Self.key), instanceId: 4242)))
            guard case .testEventSent(let report)? = results.first else { Issue.record("no report: \(results)"); return }
            #expect(report.isGood)
            #expect(report.lines.first?.hasPrefix("✓ The receiver answered 200") == true, "\(report.lines)")
            let request = try #require(seen().first)
            #expect(try SignatureCheck.check(header: request.header("Elements-Webhook-Signature"), body: request.body, key: Array(Self.key.utf8)) == .valid)
            #expect(WebhookNotification(body: request.body)?.instanceId == "4242")
            #expect(!report.lines.joined().contains(Self.key))
        }
        try await withRecordingReceiver(server: SystemLoopbackListener(), status: 500) { url, _ in
            let results = await performer.results(of: .sendTestEvent(TestEventRequest(url: url, signatureKey: Secret(Self.key), instanceId: 1)))
            guard case .testEventSent(let report)? = results.first else { Issue.record("no report: \(results)"); return }
            #expect(!report.isGood)
            #expect(report.banner.tone == .warning)
            #expect(report.lines.contains { $0.contains("deactivates the subscription") })
        }
    }
}
