import Synchronization
import SystemPorts
import Wizard

/// Holds the one loopback listener of a run, so a later effect can stop it or a new one replace it.
final class RedirectListeners: Sendable {
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// Stops any listener, then listens on `callback` until the browser comes back with a code for
    /// `expectedState` or the listener is stopped; reports through `emit`.
    func listen(_ callback: LoopbackCallback, expectedState: String, with port: any LoopbackListening,
                emit: @escaping @Sendable (EffectResult) -> Void) async {
        await stop()
        let task = Task {
            do throws(ListenFailure) {
                try await port.serve(callback.endpoint, ready: { emit(.redirectListening(.success(Done()))) }) { request in
                    let (reply, caught) = RedirectCatch.answer(request, callback: callback, expectedState: expectedState)
                    if let caught { emit(.redirectCaught(caught)) }
                    return reply
                }
            } catch {
                emit(.redirectListening(.failure(error)))
            }
        }
        running.withLock { $0 = task }
        await task.value
    }

    /// Stops the listener, if one runs, and waits until its port is free.
    func stop() async {
        let task = running.withLock { current in defer { current = nil }; return current }
        task?.cancel()
        await task?.value
    }
}
