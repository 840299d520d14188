import Synchronization
import Testing
@testable import OpenConnectors

/// `HTTPTransport.sendEach` as any transport has it: built on `send`, the next request sent as
/// soon as the answer before it is in, at most two answers ahead of the reader.
@Suite struct SendEachDefaultTests {
    /// Answers `/N` with a body `N` and a `next` header to `/N+1` up to `last`.
    final class CountingTransport: HTTPTransport {
        let last: Int
        let sent = Mutex<[String]>([])
        init(last: Int) { self.last = last }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            sent.withLock { $0.append(request.url) }
            let number = Int(request.url.split(separator: "/").last!)!
            if number == 99 { throw TransportError.timedOut(seconds: 1) }
            let headers = number < last ? [HTTPHeader("next", "/\(number + 1)")] : []
            return HTTPResponse(status: 200, headers: headers, body: Array(String(number).utf8))
        }
    }

    private func following(_ response: HTTPResponse) -> HTTPRequest? {
        response.header("next").map { HTTPRequest(method: "GET", url: $0) }
    }

    @Test func answersComeInOrderUntilNoNextRequest() async throws {
        let transport = CountingTransport(last: 5)
        var bodies: [String] = []
        for try await answer in transport.sendEach(HTTPRequest(method: "GET", url: "/1"), next: following) { bodies.append(answer.text) }
        #expect(bodies == ["1", "2", "3", "4", "5"])
        #expect(transport.sent.withLock { $0 } == ["/1", "/2", "/3", "/4", "/5"])
    }

    @Test func aFailureEndsTheRunWithItsError() async throws {
        let transport = CountingTransport(last: 200)
        var bodies: [String] = []
        await #expect(throws: TransportError.timedOut(seconds: 1)) {
            for try await answer in transport.sendEach(HTTPRequest(method: "GET", url: "/98"), next: following) { bodies.append(answer.text) }
        }
        #expect(bodies == ["98"])
    }

    @Test func theGateHoldsTheSenderWhileTwoAnswersAreUnread() async {
        let gate = LookaheadGate()
        gate.arrived()
        gate.arrived()
        let passed = Atomic<Bool>(false)
        let sender = Task {
            await gate.waitForRoom()
            passed.store(true, ordering: .releasing)
        }
        for _ in 0..<100 { await Task.yield() }
        let passedEarly = passed.load(ordering: .acquiring)
        #expect(!passedEarly, "two answers unread: the sender waits")
        gate.taken()
        await sender.value
        let passedLater = passed.load(ordering: .acquiring)
        #expect(passedLater)
    }

    @Test func theGateLetsTheSenderGoWhenTheReaderIsGone() async {
        let gate = LookaheadGate()
        gate.arrived()
        gate.arrived()
        let sender = Task { await gate.waitForRoom() }
        gate.open()
        await sender.value
        await gate.waitForRoom()
    }
}
