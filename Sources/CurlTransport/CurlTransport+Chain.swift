import OpenConnectors
import Synchronization

extension CurlTransport {
    /// Sends the run's requests from the transfer queue itself: the next request leaves the moment
    /// the answer before it is in, with no hop through other threads (each hop could wait for a
    /// busy core, and a listing of 50 pages paid up to 3 ms a page for them).
    public func sendEach(_ first: HTTPRequest, next: @escaping @Sendable (HTTPResponse) -> HTTPRequest?) -> HTTPResponses {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: HTTPResponse.self)
        let run = TransferRun(first: first)
        let advance: @Sendable () -> Void = { [self] in
            queue.async { self.advance(run, next: next, continuation: continuation) }
        }
        continuation.onTermination = { [self] _ in
            // The reader is gone: stop the transfer under way (see `send` for the ordering).
            run.end()
            handle.withLock { $0 }?.wakeUp()
        }
        advance()
        return HTTPResponses(stream, taken: { if run.taken() { advance() } })
    }

    /// On the queue: sends the run's requests one after another until it ends, fails, or has
    /// `HTTPResponses.lookahead` answers waiting unread (it goes on when one is read).
    private func advance(_ run: TransferRun, next: @Sendable (HTTPResponse) -> HTTPRequest?,
                         continuation: AsyncThrowingStream<HTTPResponse, any Error>.Continuation) {
        while let request = run.nextToSend() {
            do {
                let response = try transfer(request, run.cancellation)
                let following = next(response)
                run.arrived(following: following)
                continuation.yield(response)
                if following == nil { continuation.finish() }
            } catch {
                run.end()
                continuation.finish(throwing: error)
            }
        }
    }
}

/// The state of one `sendEach` run, shared by the transfer queue and the reader.
final class TransferRun: Sendable {
    private struct State {
        var pending: HTTPRequest?
        var unread = 0
        var paused = false
        var ended = false
    }
    private let state: Mutex<State>
    /// Set when the reader is gone; the transfer under way stops.
    let cancellation = CancellationFlag()

    init(first: HTTPRequest) { state = Mutex(State(pending: first)) }

    /// The request to send now, or `nil`: the run ended, has nothing more, or must wait for the
    /// reader (then it is marked paused, and `taken` says when to go on).
    func nextToSend() -> HTTPRequest? {
        state.withLock { state in
            guard !state.ended, let request = state.pending else { return nil }
            guard state.unread < HTTPResponses.lookahead else {
                state.paused = true
                return nil
            }
            state.pending = nil
            return request
        }
    }

    /// An answer arrived; `following` is the request it leads to, if any.
    func arrived(following: HTTPRequest?) {
        state.withLock { state in
            state.unread += 1
            state.pending = following
            if following == nil { state.ended = true }
        }
    }

    /// The reader took an answer; returns whether a paused run should go on now.
    func taken() -> Bool {
        state.withLock { state in
            state.unread -= 1
            guard state.paused, !state.ended, state.unread < HTTPResponses.lookahead else { return false }
            state.paused = false
            return true
        }
    }

    /// Ends the run: nothing more is sent, and the transfer under way is asked to stop.
    func end() {
        state.withLock { $0.ended = true }
        cancellation.set()
    }
}
