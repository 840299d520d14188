import Synchronization
import Wizard

/// The sign-in listener of a line run: its task, and what it reported that the prompts have not
/// handled yet. A question asked while it runs gives way as soon as the browser comes back.
final class RedirectWatch: Sendable {
    private struct State {
        var task: Task<Void, Never>?
        var results: [EffectResult] = []
        /// When the listener's task began to run (a busy machine may start it late).
        var startedAt: ContinuousClock.Instant?
    }
    private let state = Mutex(State())

    /// Starts or stops the listener as `effect` (`listenForRedirect` or `stopListening`) asks;
    /// after a start, waits until it says whether it listens (up to 2 s once its task runs, which
    /// a busy machine may delay; 30 s at most), so a question asked next already knows.
    func handle(_ effect: Effect, with performer: any EffectPerformer) async {
        await stop(performer)
        guard case .listenForRedirect = effect else { return }
        let task = Task {
            state.withLock { $0.startedAt = ContinuousClock.now }
            await performer.perform(effect) { result in self.state.withLock { $0.results.append(result) } }
        }
        state.withLock { $0.task = task }
        let cap = ContinuousClock.now + .seconds(30)
        while !hasReport, ContinuousClock.now < min(cap, listeningDeadline) { try? await Task.sleep(for: .milliseconds(5)) }
    }

    /// Two seconds after the listener's task began to run; far away until it runs.
    private var listeningDeadline: ContinuousClock.Instant {
        state.withLock { $0.startedAt.map { $0 + .seconds(2) } ?? ContinuousClock.now + .seconds(1) }
    }

    /// Stops the listener, if one runs, and forgets what it reported.
    func stop(_ performer: any EffectPerformer) async {
        guard let task = state.withLock({ current in defer { current.task = nil; current.results = []; current.startedAt = nil }; return current.task }) else { return }
        await performer.perform(.stopListening) { _ in }
        await task.value
    }

    /// Whether the listener reported anything (listening, a failure, the browser).
    private var hasReport: Bool { state.withLock { !$0.results.isEmpty } }

    /// Whether the browser came back (a question gives way to it).
    var browserCameBack: Bool {
        state.withLock { $0.results.contains { if case .redirectCaught = $0 { true } else { false } } }
    }

    /// The reports not handled yet, oldest first.
    func take() -> [EffectResult] {
        state.withLock { current in defer { current.results = [] }; return current.results }
    }
}
