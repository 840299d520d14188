import OpenConnectors
import Synchronization
import Wizard

/// An in-memory effect performer: answers each effect from a script and records what it was asked.
final class ScriptedPerformer: EffectPerformer {
    let answer: @Sendable (Effect, Int) -> [EffectResult]
    private let listening: @Sendable (@escaping @Sendable (EffectResult) -> Void) -> Void
    private let asked = Mutex<[Effect]>([])

    /// Answers with `answer(effect, how many of this kind came before)`; a listener's `emit` is
    /// handed to `listening`, for a fake browser to report through later.
    init(_ answer: @escaping @Sendable (Effect, Int) -> [EffectResult], listening: @escaping @Sendable (@escaping @Sendable (EffectResult) -> Void) -> Void = { _ in }) {
        self.answer = answer; self.listening = listening
    }

    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async {
        let earlier = asked.withLock { list in
            defer { list.append(effect) }
            return list.filter { $0.kind == effect.kind }.count
        }
        if case .listenForRedirect = effect { listening(emit) }
        for result in answer(effect, earlier) { emit(result) }
    }

    /// Every effect performed, in order.
    var effects: [Effect] { asked.withLock { $0 } }
}

extension Effect {
    /// The case name, to count effects of a kind.
    var kind: String { String(describing: self).prefix { $0 != "(" }.description }
}

let testState = "state-1234"
let signInURL = "https://login.example/authorize?state=\(testState)"

/// A redirected address for the test state.
func redirect(code: String = "M.C507_BAY.2.U.abc123", state: String = testState) -> String {
    "https://localhost/ocwizard/callback?code=\(code)&state=\(state)&session_state=x"
}

let createdInstance = Instance(id: 4242, name: "graph-calendar-alice", token: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq=",
                               element: ElementSummary(id: 17314, key: "microsoftgraph", name: "Microsoft Graph"),
                               tags: ["team-a"], valid: true, disabled: false, eventsEnabled: false, createdDate: "2026-11-29T10:00:00Z")

/// A service that accepts everything: secrets, sign-in, create.
func happyService(createResults: [Result<Instance, OpenConnectorsError>] = [.success(createdInstance)]) -> ScriptedPerformer {
    ScriptedPerformer { effect, earlier in
        switch effect {
        case .verifyCredentials: [.credentialsVerified(.success(Done()))]
        case .fetchAuthorizationURL: [.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph")))]
        case .createInstance: [.instanceCreated(createResults[min(earlier, createResults.count - 1)])]
        case .generateSignatureKey: [.signatureKeyGenerated("generated-key-0123456789abcdef")]
        default: []
        }
    }
}

/// The values a script starts with: everything but the secrets a person types.
func connectionForm() -> InstanceForm {
    var form = InstanceForm()
    form[.baseURL] = "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"
    return form
}

/// The connection step filled as a person would: the base URL and both secrets.
func filledConnectionForm() -> InstanceForm {
    var form = connectionForm()
    form[.userSecret] = "user-secret"
    form[.organizationSecret] = "org-secret"
    return form
}

/// A complete form for the batch driver.
func completeForm() -> InstanceForm {
    var form = filledConnectionForm()
    form[.apiKey] = "0f5e4a1c-1111-2222-3333-444455556666"
    form[.apiSecret] = "client~secret~value"
    form[.callbackURL] = "https://localhost/ocwizard/callback"
    form[.code] = redirect()
    form[.name] = "graph-calendar-alice"
    form[.tags] = "team-a"
    return form
}

/// The answers that pass every create step in line mode, in order.
let happyAnswers = [
    "", "user-secret", "org-secret",                               // connection: base URL kept
    "0f5e4a1c-1111-2222-3333-444455556666", "client~secret~value", "https://localhost/ocwizard/callback", "", // Azure app
    "",                                                            // authorize: Enter goes on
    redirect(),                                                    // grant code
    "n",                                                           // events off
    "graph-calendar-alice", "team-a",                              // instance
    "",                                                            // review: submit
    "n",                                                           // result: token not shown
]
