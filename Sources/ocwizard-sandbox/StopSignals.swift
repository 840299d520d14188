import Dispatch
import Foundation

/// SIGINT and SIGTERM turned into an awaitable event (SIGPIPE is ignored).
final class StopSignals {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation

    /// Takes over SIGINT and SIGTERM from their default handlers.
    init() {
        signal(SIGPIPE, SIG_IGN)
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let queue = DispatchQueue(label: "ocwizard-sandbox.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        self.stream = stream
        self.continuation = continuation
    }

    /// Also stops when standard input reaches its end: the parent that holds the other end of the
    /// pipe (`ocwizard --sandbox`) has exited, however it exited.
    func stopAtEndOfInput() {
        let continuation = self.continuation
        Thread.detachNewThread {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            continuation.yield(0)
        }
    }

    /// Returns when the first stop signal arrives.
    func wait() async {
        for await _ in stream { return }
    }
}
