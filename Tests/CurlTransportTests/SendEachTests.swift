@testable import CurlTransport
import Foundation
import OpenConnectors
import Sandbox
import Testing

/// `CurlTransport.sendEach`: a run of requests, each made of the answer before, sent from the
/// transfer queue itself, over real sockets to the sandbox.
@Suite struct SendEachTests {
    /// The request for one page of the listing, 200 instances a page.
    private static func page(_ sandbox: SandboxFixture, token: String?) -> HTTPRequest {
        let query = "pageSize=200" + (token.map { "&nextPage=\($0)" } ?? "")
        return HTTPRequest(method: "GET", url: sandbox.baseURL + "/instances?" + query,
                           headers: [HTTPHeader("Authorization", sandbox.credentials.authorizationHeader)])
    }

    /// The next page's request, while the answer names one.
    private static func following(_ sandbox: SandboxFixture) -> @Sendable (HTTPResponse) -> HTTPRequest? {
        { response in response.header("elements-next-page-token").map { page(sandbox, token: $0) } }
    }

    @Test func everyPageComesInOrderOverOneConnection() async throws {
        let log = LineCollector()
        try await withSandbox(configure: { $0.seedCount = 1000 }, options: CurlTransportOptions(log: log.append)) { sandbox in
            var ids: [Int] = []
            for try await answer in sandbox.transport.sendEach(Self.page(sandbox, token: nil), next: Self.following(sandbox)) {
                #expect(answer.status == 200)
                ids += try InstanceListAnswerForTests.ids(answer)
            }
            #expect(ids.count == 1000)
            #expect(ids == ids.sorted() && Set(ids).count == 1000)
            #expect(log.lines.filter { $0.hasPrefix("new connection") }.count == 1, "\(log.lines)")
            #expect(await sandbox.server.receivedRequests().count == 5)
        }
    }

    @Test func aSlowReaderGetsEveryPageAndTheRunWaitsForIt() async throws {
        try await withSandbox(configure: { $0.seedCount = 1000 }) { sandbox in
            var answers = sandbox.transport.sendEach(Self.page(sandbox, token: nil), next: Self.following(sandbox)).makeAsyncIterator()
            _ = try await answers.next()
            // Holding the first answer, the run may send two more requests and no further.
            try await waitUntil("three requests arrived") { await sandbox.server.receivedRequests().count >= 3 }
            var read = 1
            while try await answers.next() != nil { read += 1 }
            #expect(read == 5)
            #expect(await sandbox.server.receivedRequests().count == 5)
        }
    }

    @Test func theRunPausesWithTwoAnswersUnreadAndGoesOnWhenOneIsRead() {
        let first = HTTPRequest(method: "GET", url: "http://127.0.0.1:9/1")
        let run = TransferRun(first: first)
        #expect(run.nextToSend() == first)
        #expect(run.nextToSend() == nil, "one request at a time: the next is made of the answer")
        run.arrived(following: HTTPRequest(method: "GET", url: "http://127.0.0.1:9/2"))
        #expect(run.nextToSend()?.url == "http://127.0.0.1:9/2", "one answer unread: the next request goes")
        run.arrived(following: HTTPRequest(method: "GET", url: "http://127.0.0.1:9/3"))
        #expect(run.nextToSend() == nil, "two answers unread: the run pauses")
        #expect(run.taken(), "the reader took one: the paused run goes on")
        #expect(run.nextToSend()?.url == "http://127.0.0.1:9/3")
        #expect(!run.taken(), "not paused: nothing to resume")
        run.arrived(following: nil)
        #expect(run.nextToSend() == nil, "no next request: the run is over")
    }

    @Test func anEndedRunSendsNothingAndAsksTheTransferToStop() {
        let run = TransferRun(first: HTTPRequest(method: "GET", url: "http://127.0.0.1:9/1"))
        run.end()
        #expect(run.nextToSend() == nil)
        #expect(run.cancellation.isSet)
    }

    @Test func aReaderThatStopsStopsTheRequestUnderWay() async throws {
        try await withSandbox(configure: { $0.seedCount = 10 }) { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), delayMs: 10_000))
            let reading = Task {
                for try await _ in sandbox.transport.sendEach(Self.page(sandbox, token: nil), next: Self.following(sandbox)) {}
            }
            try await waitUntil("the request reached the sandbox", timeout: .seconds(30)) { try await sandbox.pendingFaultCount() == 0 }
            let cancelled = ContinuousClock.now
            reading.cancel()
            _ = await reading.result
            // The transfer was aborted, not waited out (the sandbox would answer after 10 s), and
            // the transport is free for the next request.
            let next = try await sandbox.transport.send(Self.page(sandbox, token: nil))
            #expect(next.status == 200)
            #expect(ContinuousClock.now - cancelled < .seconds(5))
        }
    }

    @Test func anAnswerWithoutANextRequestEndsTheRunAndAFailureEndsItWithTheError() async throws {
        try await withSandbox(configure: { $0.seedCount = 10 }) { sandbox in
            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), status: 503))
            var statuses: [Int] = []
            for try await answer in sandbox.transport.sendEach(Self.page(sandbox, token: nil), next: Self.following(sandbox)) {
                statuses.append(answer.status)
            }
            #expect(statuses == [503])

            try await sandbox.inject(SandboxFault(path: SandboxFixture.apiPath("/instances"), truncated: true))
            await #expect(throws: TransportError.self) {
                for try await _ in sandbox.transport.sendEach(Self.page(sandbox, token: nil), next: Self.following(sandbox)) {}
            }
        }
    }
}

/// The ids of a listing page, read with Foundation's parser (independent of the client's).
enum InstanceListAnswerForTests {
    static func ids(_ answer: HTTPResponse) throws -> [Int] {
        let items = try #require(try JSONSerialization.jsonObject(with: Data(answer.body)) as? [[String: Any]])
        return items.compactMap { $0["id"] as? Int }
    }
}
