import Dispatch
import Glibc
import Synchronization
import SystemPorts

/// SIGINT and SIGTERM as an awaitable event, through dispatch signal sources.
public struct SystemInterrupts: InterruptWaiting {
    /// The real signals of this process.
    public init() {}

    public func nextInterrupt(armed: @escaping @Sendable () -> Void) async -> Int32 {
        let waiting = Mutex<CheckedContinuation<Int32, Never>?>(nil)
        let numbers = [SIGINT, SIGTERM]
        let queue = DispatchQueue(label: "ocwizard.interrupts")
        let sources = numbers.map { DispatchSource.makeSignalSource(signal: $0, queue: queue) }
        let finish = { @Sendable (number: Int32) in waiting.withLock { $0.take() }?.resume(returning: number) }
        let number = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
                waiting.withLock { $0 = continuation }
                for (number, source) in zip(numbers, sources) {
                    signal(number, SIG_IGN)
                    source.setEventHandler { finish(number) }
                    source.resume()
                }
                armed()
                if Task.isCancelled { finish(0) }
            }
        } onCancel: {
            finish(0)
        }
        for (number, source) in zip(numbers, sources) {
            source.cancel()
            signal(number, SIG_DFL)
        }
        return number
    }
}
