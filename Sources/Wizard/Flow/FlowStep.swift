import OpenConnectors

/// What a step says after the user acted or a result came back.
public enum StepOutcome: Sendable, Equatable {
    /// Stay on the step.
    case stay
    /// Stay and run these effects (a call started, or a copy).
    case run([Effect])
    /// Go on to the next step of the journey.
    case advance
    /// Go on to the step after `step` (past steps the user need not see), or finish.
    case advancePast(WizardStep)
    /// Show another step, with a banner across it.
    case goTo(WizardStep, banner: Banner? = nil)
    /// A call failed: the journey's failure router decides where it goes.
    case failed(OpenConnectorsError)
}

/// The heading and introduction every driver shows above a step.
public struct StepIntro: Sendable, Equatable {
    public var heading: String
    public var text: String
    public init(_ heading: String, _ text: String) { self.heading = heading; self.text = text }
}

/// One step of a journey, defined once for every driver: its fields, buttons, call and routing.
///
/// A step never touches the terminal, the network or files: it changes the journey's state and
/// returns effects; their results come back through `receive`.
public protocol FlowStep: Sendable {
    /// Which step this is.
    var id: WizardStep { get }
    /// The heading and introduction.
    func intro(_ state: JourneyState) -> StepIntro
    /// The parameters it asks for, top to bottom.
    func fields(_ state: JourneyState) -> [ParameterID]
    /// The parameters validated when the step is left.
    var checked: [ParameterID] { get }
    /// The buttons, in order.
    func actions(_ state: JourneyState) -> [WizardAction]
    /// Runs when the step is shown; returns effects to start.
    func enter(_ state: inout JourneyState) -> [Effect]
    /// The user goes on and the checked fields are valid.
    func proceed(_ state: inout JourneyState) -> StepOutcome
    /// A result of an effect, while this step is shown; `nil` when it is not this step's.
    func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome?
    /// A button other than Next, Back and "Back to …".
    func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome
    /// Whether Back leaves this step (not while a request decides where to go).
    var allowsBack: Bool { get }
    /// Whether the step ends the journey (nothing to go on to; Back returns here, not past it).
    var isFinal: Bool { get }
    /// Why the step is passed when the journey goes forward onto it (everything it asks was
    /// settled before the journey, and it has nothing to do); `nil` when it must be shown. Back,
    /// "step N" and failure routes still show it.
    func settledReason(_ state: JourneyState) -> String?
}

extension FlowStep {
    public func fields(_ state: JourneyState) -> [ParameterID] { checked }
    public var checked: [ParameterID] { [] }
    public func actions(_ state: JourneyState) -> [WizardAction] { [.next] }
    public func enter(_ state: inout JourneyState) -> [Effect] { [] }
    public func proceed(_ state: inout JourneyState) -> StepOutcome { .advance }
    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? { nil }
    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome { .stay }
    public var allowsBack: Bool { true }
    public var isFinal: Bool { false }
    public func settledReason(_ state: JourneyState) -> String? { nil }
}
