import Synchronization

/// Answers to a run of requests where each request is made of the answer before (a listing's
/// pages), in order.
///
/// Made by `HTTPTransport.sendEach`. Reading an answer lets the transport send further ahead: it
/// keeps at most `lookahead` unread answers, so a slow reader holds two pages, not the listing.
public struct HTTPResponses: AsyncSequence, Sendable {
    public typealias Element = HTTPResponse

    /// How many answers may wait unread before the run pauses: one being read, one arrived.
    public static let lookahead = 2

    private let stream: AsyncThrowingStream<HTTPResponse, any Error>
    private let taken: @Sendable () -> Void

    /// Answers that arrive on `stream`; `taken` runs after each one is handed to the reader.
    public init(_ stream: AsyncThrowingStream<HTTPResponse, any Error>, taken: @escaping @Sendable () -> Void = {}) {
        self.stream = stream; self.taken = taken
    }

    public func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator(), taken: taken) }

    /// Hands out the answers and tells the transport each time one was read.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<HTTPResponse, any Error>.AsyncIterator
        let taken: @Sendable () -> Void

        public mutating func next() async throws -> HTTPResponse? {
            let response = try await base.next()
            if response != nil { taken() }
            return response
        }
    }
}

extension HTTPTransport {
    /// One request after another through `send`: the next request is sent as soon as the answer
    /// before it is in (before that answer is read), at most `HTTPResponses.lookahead` answers ahead.
    public func sendEach(_ first: HTTPRequest, next: @escaping @Sendable (HTTPResponse) -> HTTPRequest?) -> HTTPResponses {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: HTTPResponse.self)
        let gate = LookaheadGate()
        let task = Task {
            var request: HTTPRequest? = first
            while let current = request {
                await gate.waitForRoom()
                if Task.isCancelled { break }
                do {
                    let response = try await send(current)
                    request = next(response)
                    gate.arrived()
                    continuation.yield(response)
                } catch {
                    continuation.finish(throwing: error)
                    return
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in
            task.cancel()
            gate.open()
        }
        return HTTPResponses(stream, taken: gate.taken)
    }
}

/// Counts answers arrived but not yet read, and makes the sender wait while
/// `HTTPResponses.lookahead` of them are waiting.
final class LookaheadGate: Sendable {
    private struct State {
        var unread = 0
        var waiting: CheckedContinuation<Void, Never>?
        var opened = false
    }
    private let state = Mutex(State())

    /// An answer arrived (it is about to be handed to the stream).
    func arrived() { state.withLock { $0.unread += 1 } }

    /// The reader took an answer: a waiting sender goes on.
    @Sendable func taken() {
        let resumed = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.unread -= 1
            guard state.unread < HTTPResponses.lookahead else { return nil }
            defer { state.waiting = nil }
            return state.waiting
        }
        resumed?.resume()
    }

    /// The reader is gone: nothing waits any more.
    func open() {
        let resumed = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.opened = true
            defer { state.waiting = nil }
            return state.waiting
        }
        resumed?.resume()
    }

    /// Returns once fewer than `lookahead` answers wait unread (or the reader is gone).
    func waitForRoom() async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if state.opened || state.unread < HTTPResponses.lookahead { return true }
                state.waiting = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
