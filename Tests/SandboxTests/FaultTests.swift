import Foundation
import Sandbox
import Testing

/// `/sandbox/faults`: delays, statuses, malformed and truncated bodies, dropped connections.
@Suite struct FaultTests {
    /// Queues `fault` (a JSON object) through the control endpoint.
    private func inject(_ sandbox: RunningSandbox, _ fault: [String: Any]) async throws {
        let response = try await sandbox.sendJSON("POST", "/sandbox/faults", fault, authorized: false)
        #expect(response.status == 200, "\(response.text)")
    }

    @Test func statusFaultAnswersAnErrorBodyForCountRequests() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "count": 2, "status": 503, "message": "try later"])
            for _ in 0..<2 {
                let response = try await sandbox.send("GET", "/instances")
                #expect(response.status == 503)
                #expect(response.object["message"] as? String == "try later")
                #expect(isRequestID(response.object["requestId"]))
            }
            #expect(try await sandbox.send("GET", "/instances").status == 200)
        }
    }

    @Test func methodNarrowsTheFault() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "post", "status": 500])
            #expect(try await sandbox.send("GET", "/instances").status == 200)
            #expect(try await sandbox.sendJSON("POST", "/instances", [:]).status == 500)
        }
    }

    @Test func pathIsAPrefix() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/elements", "status": 502])
            #expect(try await sandbox.send("GET", "/instances").status == 200)
            #expect(try await sandbox.send("GET", "/elements/microsoftgraph/instances").status == 502)
        }
    }

    @Test func delayWaitsThenAnswersNormally() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "delayMs": 400])
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await sandbox.send("GET", "/instances")
            #expect(clock.now - start >= .milliseconds(400))
            #expect(response.status == 200)
        }
    }

    @Test func malformedAnswers200WithoutJSON() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "malformed": true])
            let response = try await sandbox.send("GET", "/instances")
            #expect(response.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: response.body)) == nil)
        }
    }

    @Test func truncatedSendsLessThanContentLengthAfterHandlingTheRequest() async throws {
        try await withSandbox { sandbox in
            let id = try await sandbox.createdInstanceID()
            try await inject(sandbox, ["path": "/elements/api-v2/instances/\(id)", "truncated": true])
            let response = try await sandbox.send("DELETE", "/instances/\(id)/enabled")
            #expect(response.status == 200)
            let declared = try #require(response.declaredLength)
            #expect(response.body.count < declared && !response.body.isEmpty)
            #expect(!response.isComplete)
            #expect(try await sandbox.send("GET", "/instances/\(id)").object["disabled"] as? Bool == true)
        }
    }

    @Test func dropClosesWithoutAnswerAndWithoutHandling() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "POST", "drop": true])
            await #expect(throws: RawHTTPError.noResponse) {
                _ = try await sandbox.createInstance()
            }
            #expect(try await sandbox.send("GET", "/instances").array.isEmpty)
            #expect(try await sandbox.createInstance().status == 200)
        }
    }

    @Test func handledDropCreatesTheInstanceThenClosesWithoutAnswer() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "POST", "drop": true, "handled": true])
            await #expect(throws: RawHTTPError.noResponse) {
                _ = try await sandbox.createInstance(name: "kept")
            }
            let listed = try await sandbox.send("GET", "/instances").array
            #expect(listed.map { $0["name"] as? String } == ["kept"])
        }
    }

    @Test func handledResetCreatesTheInstanceThenResetsTheConnection() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "POST", "reset": true, "handled": true])
            await #expect(throws: RawHTTPError.reset) {
                _ = try await sandbox.createInstance(name: "kept")
            }
            let listed = try await sandbox.send("GET", "/instances").array
            #expect(listed.map { $0["name"] as? String } == ["kept"])
        }
    }

    @Test func handledDelayCreatesTheInstanceBeforeTheSlowAnswer() async throws {
        try await withSandbox { sandbox in
            // Long enough for a busy test run (the cooperative pool shared by every in-process sandbox).
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "POST", "delayMs": 20_000, "handled": true])
            let answer = Task { try await sandbox.createInstance(name: "slow") }
            // The instance is listed while its answer is still being held back.
            let deadline = ContinuousClock.now + .seconds(19)
            var listed: [[String: Any]] = []
            while listed.isEmpty, ContinuousClock.now < deadline {
                listed = try await sandbox.send("GET", "/instances").array
                if listed.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(listed.map { $0["name"] as? String } == ["slow"])
            #expect(try await answer.value.status == 200)
        }
    }

    @Test func handledMalformedCreatesTheInstanceButAnswersNoJSON() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "method": "POST", "malformed": true, "handled": true])
            let response = try await sandbox.createInstance(name: "unreadable")
            #expect(response.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: response.body)) == nil)
            #expect(try await sandbox.send("GET", "/instances").array.count == 1)
        }
    }

    @Test func theJournalCountsEveryAPIRequestButNotFaultControl() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "status": 503])
            _ = try await sandbox.send("GET", "/instances")
            _ = try await sandbox.send("GET", "/instances/7")
            #expect(await sandbox.server.receivedRequests().map(\.description)
                == ["GET /elements/api-v2/instances", "GET /elements/api-v2/instances/7"])
        }
    }

    @Test func deleteClearsAndGetLists() async throws {
        try await withSandbox { sandbox in
            try await inject(sandbox, ["path": "/elements/api-v2/instances", "status": 500, "count": 3])
            let listed = try await sandbox.send("GET", "/sandbox/faults", authorized: false)
            #expect(listed.array.count == 1 && listed.array.first?["count"] as? Int == 3)
            let cleared = try await sandbox.send("DELETE", "/sandbox/faults", authorized: false)
            #expect(cleared.object["cleared"] as? Int == 1)
            #expect(try await sandbox.send("GET", "/instances").status == 200)
        }
    }

    @Test(arguments: [
        ["count": 1], ["path": "no-slash"], ["path": "/x", "count": 0], ["path": "/x", "status": 42],
        ["path": "/x", "drop": true, "truncated": true],
    ] as [[String: any Sendable]])
    func invalidFaultsAre400(fault: [String: any Sendable]) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.sendJSON("POST", "/sandbox/faults", fault, authorized: false)
            #expect(response.status == 400)
        }
    }

    @Test func inProcessInjectionWorksToo() async throws {
        try await withSandbox { sandbox in
            try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2/instances", status: 429))
            #expect(try await sandbox.send("GET", "/instances").status == 429)
            try await sandbox.server.injectFault(SandboxFault(path: "/elements/api-v2/instances", status: 429))
            await sandbox.server.clearFaults()
            #expect(try await sandbox.send("GET", "/instances").status == 200)
            await #expect(throws: SandboxFault.Invalid.self) {
                try await sandbox.server.injectFault(SandboxFault(path: "/x", malformed: true, drop: true))
            }
        }
    }
}
