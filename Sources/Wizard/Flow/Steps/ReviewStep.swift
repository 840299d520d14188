import OpenConnectors

/// Step 7: every value, the request body and the curl command; Submit checks everything once more.
///
/// When shown, it looks once for instances that already carry the name: the service allows
/// duplicates, which confuse a team, so Review warns (it does not block).
public struct ReviewStep: FlowStep {
    public init() {}
    public var id: WizardStep { .review }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Check everything, then Submit", "")
    }

    public func actions(_ state: JourneyState) -> [WizardAction] { [.submit, .back] }

    /// One listing for the name about to be created.
    public func enter(_ state: inout JourneyState) -> [Effect] {
        state.sameNameInstances = []
        let name = Self.name(state)
        guard !name.isEmpty else { return [] }
        return [.findInstances(baseURL: state.form.normalized(.baseURL), credentials: Credentials(form: state.form),
                               lookup: InstanceLookup(name: name))]
    }

    /// The same-name instances: kept (a lost answer's look-up leaves them out) and warned about.
    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .instancesFound(let found) = result else { return nil }
        let name = Self.name(state)
        switch found {
        case .success(let matches) where !matches.isEmpty && matches.allSatisfy({ $0.name == name }):
            state.sameNameInstances = matches
            let warning = Self.sameNameWarning(name: name, matches)
            state.banner = state.banner.map { Banner(tone: $0.tone, lines: $0.lines + warning.lines) } ?? warning
        case .success:
            break
        case .failure(let error):
            state.notice = "Could not check whether an instance named \(name) exists: \(error.summary)"
        }
        return .stay
    }

    /// The warning about instances that already carry `name`.
    public static func sameNameWarning(name: String, _ matches: [Instance]) -> Banner {
        let shown = matches.prefix(3).map { instance in
            "id \(instance.id)" + (instance.createdDate.map { ", created \($0)" } ?? "")
        }.joined(separator: "; ")
        let more = matches.count > 3 ? " and \(matches.count - 3) more" : ""
        let subject = matches.count == 1 ? "An instance named \(name) already exists" : "\(matches.count) instances named \(name) already exist"
        return Banner(tone: .warning, lines: [
            "\(subject) (\(shown)\(more)).",
            "Open Connectors allows a second one with the same name, which confuses a team: choose another name, or use the existing one (ocwizard recover --id \(matches[0].id)). Going on creates another one.",
        ])
    }

    /// The name as it will be sent.
    private static func name(_ state: JourneyState) -> String {
        InstanceRequest.body(from: state.form)["name"]?.stringValue ?? ""
    }

    /// Checks every value; the first step with an error is shown again, else the submit starts.
    public func proceed(_ state: inout JourneyState) -> StepOutcome {
        let problems = Validator.problems(in: state.form, expectedState: state.expectedState)
        guard let first = problems.errors.first else { return .advance }
        for id in Set(problems.map(\.parameter)) { state.messages[id] = problems.filter { $0.parameter == id } }
        state.focusRequest = first.parameter
        return .goTo(CreateJourney.step(asking: first.parameter) ?? .review,
                     banner: Banner(tone: .error, lines: ["Fix this before submitting: \(first.description)"]))
    }

    public func perform(_ action: WizardAction, _ state: inout JourneyState) -> StepOutcome {
        action == .submit ? proceed(&state) : .stay
    }
}
