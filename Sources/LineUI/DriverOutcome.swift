import OpenConnectors
import Wizard

/// How a line-mode run of a journey ended.
public enum LineOutcome: Sendable, Equatable {
    /// The journey passed its last step (a create: the instance exists).
    case finished
    /// The user quit before the journey was done.
    case quit
    /// The user gave up after this failure.
    case failed(OpenConnectorsError)
    /// Input ended before the journey was done.
    case endOfInput
}

/// How a batch run of a journey ended.
public enum BatchOutcome: Sendable, Equatable {
    /// The journey passed its last step.
    case finished
    /// A step neither went on nor said why (a step that needs a person in a batch journey).
    case stuck(WizardStep)
    /// These values are missing or invalid; nothing more was sent.
    case invalid([Problem])
    /// A call failed.
    case failed(OpenConnectorsError)
}
