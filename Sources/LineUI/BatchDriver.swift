import OpenConnectors
import Wizard

/// Runs a journey with no person: every value is given up front, each step is passed in order.
///
/// The journey must be unattended (`JourneyOptions.unattended`), so steps skip the checks that
/// only help a person fix values early and the calls that need a browser.
public struct BatchDriver {
    let performer: any EffectPerformer

    public init(performer: any EffectPerformer) { self.performer = performer }

    /// Walks `journey` until it finishes, fails or finds a bad value.
    public func run(_ journey: inout Journey) async -> BatchOutcome {
        precondition(journey.state.options.unattended, "a batch journey is unattended")
        let startEffects = journey.start()
        await journey.run(startEffects, with: performer)
        // Each step is passed once, plus once more for warnings that need acknowledging.
        for _ in 0..<(journey.steps.count * 2 + 2) {
            if journey.state.finished { return .finished }
            if journey.current.isFinal {
                if let failure = journey.state.submitFailure { return .failed(failure) }
                return .finished
            }
            let before = journey.state.step
            let failureBefore = journey.state.lastFailure
            let effects = journey.goOn()
            await journey.run(effects, with: performer)
            if let failure = journey.state.lastFailure, failure != failureBefore { return .failed(failure) }
            if journey.state.step == before, !journey.state.finished {
                let errors = journey.current.checked.flatMap { journey.state.problems(for: $0) }.filter { $0.severity == .error }
                if !errors.isEmpty { return .invalid(errors) }
            }
        }
        return .stuck(journey.state.step)
    }
}
