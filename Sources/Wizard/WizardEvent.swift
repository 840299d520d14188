import TerminalKeys

/// Something the wizard reacts to: a key, a paste, a clock tick, or the result of an effect.
public enum WizardEvent: Sendable {
    /// A key press.
    case key(Key)
    /// A bracketed paste, delivered whole.
    case paste(String)
    /// Time passed (drives spinners and elapsed time).
    case tick(ContinuousClock.Instant)
    /// The result of an effect.
    case response(EffectResult)
}
