import OpenConnectors

/// Step 1: the API host and the two account secrets, checked with the service before going on.
public struct ConnectionStep: FlowStep {
    public init() {}
    public var id: WizardStep { .connection }
    public var checked: [ParameterID] { [.baseURL, .userSecret, .organizationSecret] }

    public func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Connect to SAP Open Connectors", state.isSandbox
            ? "You are using the local sandbox; its secrets are filled in. Press Enter to go on."
            : "Pick your region's API host and paste the two secrets from the profile menu of the Open Connectors UI.")
    }

    public func proceed(_ state: inout JourneyState) -> StepOutcome {
        // Unchanged values were checked already; unattended runs let the final call report them.
        if state.options.unattended || state.verifiedConnection == state.currentConnection { return .advance }
        state.beginBusy(.verifyingCredentials)
        let connection = state.currentConnection
        return .run([.verifyCredentials(baseURL: connection.baseURL, credentials: connection.credentials)])
    }

    public func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .credentialsVerified(let outcome) = result, state.busy == .verifyingCredentials else { return nil }
        state.busy = nil
        switch outcome {
        case .success:
            state.verifiedConnection = state.currentConnection
            return .advance
        case .failure(let error):
            return .failed(error)
        }
    }
}
