import TerminalKeys
import Wizard

/// Drives the state machine with scripted input, as tests and benchmarks do (never part of `ocwizard`).
extension CreateWizard {
    /// Types `text` key by key; returns every effect the keys produced.
    @discardableResult
    public mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(.key(.character($0))) }
    }

    /// Presses keys in order; returns every effect they produced.
    @discardableResult
    public mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.key($0)) }
    }

    /// Feeds an effect result back; returns the effects it produced.
    @discardableResult
    public mutating func receive(_ result: EffectResult) -> [Effect] {
        update(.response(result))
    }
}
