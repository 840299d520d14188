import OpenConnectors

/// A create whose answer was lost after it was sent, and what looking for its instance found.
///
/// The service may have created the instance (and used the grant code) although no answer came
/// back, and it has no idempotency key: so the flow never says "not created" before it has looked,
/// and never offers a retry that could make a second instance.
public struct LostAnswer: Sendable, Equatable {
    /// What happened to the answer (`OpenConnectorsError.isOutcomeUnknown`).
    public var cause: OpenConnectorsError
    /// What is looked for: the request's name and tags, created recently.
    public var lookup: InstanceLookup
    /// What looking found so far.
    public var search: Search

    /// Where looking for the instance stands.
    public enum Search: Sendable, Equatable {
        /// The listing is on its way.
        case looking
        /// The newest match, and how many more matched.
        case found(id: Int, alsoMatching: Int)
        /// Nothing matched: the instance was not created.
        case foundNone
        /// The look-up failed too: the outcome stays unknown.
        case failed(OpenConnectorsError)
    }

    /// The shell command that lists the instances of this name.
    public var recoverCommand: String {
        "ocwizard recover --name \(CurlCommand.shellQuoted(lookup.name))"
    }

    /// What happened to the answer, in words.
    private var whatHappened: String {
        "The create request was sent, but its answer was lost: \(Self.describe(cause))"
    }

    /// How an answer was lost (`cause` is an unknown outcome), as the end of a sentence.
    static func describe(_ cause: OpenConnectorsError) -> String {
        switch cause {
        case .transport(.answerLost(let why)) where why.isCancellation: "you cancelled while it was under way."
        case .transport(.answerLost(let why)): why.message
        default: cause.summary
        }
    }

    /// The banner across the result: what was lost, what looking found, and what to do.
    public var banner: Banner {
        let minutes = Int(InstanceLookup.recentWindow.components.seconds / 60)
        switch search {
        case .looking:
            return Banner(tone: .info, lines: [whatHappened, BusyReason.lookingForInstance.caption])
        case .found(let id, let others):
            var lines = [whatHappened, "ocwizard looked for it and found it: the instance was created (id \(id)). Nothing was sent again."]
            if others > 0 {
                lines.append("\(others) more instance\(others == 1 ? "" : "s") named \(lookup.name) \(others == 1 ? "was" : "were") created in the last \(minutes) minutes: check with \(recoverCommand).")
            }
            return Banner(tone: .info, lines: lines)
        case .foundNone:
            return Banner(tone: .error, lines: [
                whatHappened,
                "ocwizard looked for an instance named \(lookup.name) created in the last \(minutes) minutes and found none: it was not created.",
                "That request probably used the grant code up, so a new sign-in is needed.",
            ])
        case .failed(let lookupError):
            return Banner(tone: .warning, lines: [
                whatHappened,
                "Looking for the instance failed too: \(lookupError.summary)",
                "The instance may exist. Check before creating it again: \(recoverCommand)",
            ])
        }
    }

    /// Starts looking for the instance `body` would have created; the journey waits for it.
    static func startLooking(cause: OpenConnectorsError, body: JSONValue, _ state: inout JourneyState) -> StepOutcome {
        let lookup = InstanceLookup.created(by: body, excludedIDs: Set(state.sameNameInstances.map(\.id)))
        state.lostAnswer = LostAnswer(cause: cause, lookup: lookup, search: .looking)
        return lookAgain(&state)
    }

    /// Looks (again) for the lost instance.
    static func lookAgain(_ state: inout JourneyState) -> StepOutcome {
        guard var lost = state.lostAnswer else { return .stay }
        lost.search = .looking
        state.lostAnswer = lost
        state.beginBusy(.lookingForInstance)
        return .run([.findInstances(baseURL: state.form.normalized(.baseURL), credentials: Credentials(form: state.form), lookup: lost.lookup)])
    }

    /// Settles the submit on what looking found, then shows the result: the instance when found,
    /// otherwise the lost answer (with the look-up's outcome) as the submit's failure.
    static func settle(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .instancesFound(let found) = result, state.busy == .lookingForInstance, var lost = state.lostAnswer else { return nil }
        state.busy = nil
        switch found {
        case .success(let matches):
            if let newest = matches.first {
                lost.search = .found(id: newest.id, alsoMatching: matches.count - 1)
                state.createdInstance = newest
                state.submitFailure = nil
                state.lastFailure = nil
            } else {
                lost.search = .foundNone
                state.submitFailure = lost.cause
                state.lastFailure = lost.cause
            }
        case .failure(let error):
            lost.search = .failed(error)
            state.submitFailure = lost.cause
            state.lastFailure = lost.cause
        }
        state.lostAnswer = lost
        return .goTo(.result)
    }
}
