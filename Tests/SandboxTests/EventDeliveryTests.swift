import Foundation
import Synchronization
import System
import SystemPorts
import SystemTesting
import Testing
import WebhookSigning

/// `POST /sandbox/instances/{id}/events` delivers like the platform; `GET /instances/{id}/events` shows it.
@Suite("Event delivery")
struct EventDeliveryTests {
    static let key = "sandbox-delivery-key-0123"

    /// Polls `condition` every 10 ms for at most 10 seconds.
    static func until(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { Issue.record("condition not met in 10 s"); return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    static func events(_ sandbox: RunningSandbox, _ id: Int) async throws -> [[String: Any]] {
        let response = try await sandbox.send("GET", "/instances/\(id)/events", headers: [("Accept", "application/json")])
        #expect(response.status == 200, "\(response.text)")
        return try #require(try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]])
    }

    @Test("a trigger sends a signed notification in the documented envelope, recorded as NOTIFIED")
    func delivered() async throws {
        try await withSandbox { sandbox in
            try await withRecordingReceiver(server: SystemLoopbackListener(), status: 200) { url, seen in
                let created = try await sandbox.createInstance(configuration: ["event.notification.enabled": true, "event.notification.callback.url": url,
                                                                               "event.notification.signature.key": Self.key])
                let id = try #require(created.object["id"] as? Int)
                let trigger = try await sandbox.send("POST", "/sandbox/instances/\(id)/events")
                #expect(trigger.status == 202, "\(trigger.text)")
                let eventId = try #require(trigger.object["id"] as? String)
                try await Self.until { !seen().isEmpty }
                let request = try #require(seen().first)
                #expect(request.method == "POST" && request.path == "/events")
                #expect(try SignatureCheck.check(header: request.header("Elements-Webhook-Signature"), body: request.body, key: Array(Self.key.utf8)) == .valid)
                #expect(request.header("Elements-Webhook-Id") == eventId)
                let message = try #require((try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])?["message"] as? [String: Any])
                #expect(message["eventId"] as? String == eventId)
                #expect(message["instanceId"] as? Int == id)
                #expect((message["events"] as? [[String: Any]])?.first?["eventType"] as? String == "UPDATED")
                try await Self.until { try await Self.events(sandbox, id).first?["status"] as? String == "NOTIFIED" }
                let recorded = try await Self.events(sandbox, id)
                #expect(recorded.count == 1)
                #expect(recorded.first?["id"] as? String == eventId)
                #expect((recorded.first?["deliveries"] as? [[String: Any]])?.first?["status"] as? Int == 200)
            }
        }
    }

    @Test("a receiver answering 500 gets the retries with backoff, then the event stays DISPATCHED; newest first, paged")
    func retried() async throws {
        try await withSandbox { sandbox in
            try await withRecordingReceiver(server: SystemLoopbackListener(), status: 500) { url, seen in
                let created = try await sandbox.createInstance(configuration: ["event.notification.enabled": true, "event.notification.callback.url": url])
                let id = try #require(created.object["id"] as? Int)
                let first = try await sandbox.send("POST", "/sandbox/instances/\(id)/events").object["id"] as? String
                try await Self.until { (try await Self.events(sandbox, id).first?["deliveries"] as? [[String: Any]])?.count == 4 }
                #expect(seen().count == 4)
                #expect(seen().allSatisfy { $0.header("Elements-Webhook-Signature") == nil }, "no key, no signature header")
                #expect(try await Self.events(sandbox, id).first?["status"] as? String == "DISPATCHED")
                let second = try await sandbox.send("POST", "/sandbox/instances/\(id)/events").object["id"] as? String
                let page = try await sandbox.send("GET", "/instances/\(id)/events?pageSize=1", headers: [("Accept", "application/json")])
                #expect(page.headers["elements-total-count"] == "2")
                #expect(page.headers["elements-next-page-token"] == "1")
                #expect(((try JSONSerialization.jsonObject(with: page.body) as? [[String: Any]])?.first?["id"] as? String) == second)
                let rest = try await sandbox.send("GET", "/instances/\(id)/events?pageSize=1&nextPage=1", headers: [("Accept", "application/json")])
                #expect(((try JSONSerialization.jsonObject(with: rest.body) as? [[String: Any]])?.first?["id"] as? String) == first)
                #expect(rest.headers["elements-next-page-token"] == nil)
            }
        }
    }

    @Test("an instance without events, or unknown: 409 and 404")
    func refusals() async throws {
        try await withSandbox { sandbox in
            let created = try await sandbox.createInstance()
            let id = try #require(created.object["id"] as? Int)
            #expect(try await sandbox.send("POST", "/sandbox/instances/\(id)/events").status == 409)
            #expect(try await sandbox.send("POST", "/sandbox/instances/99999/events").status == 404)
        }
    }
}
