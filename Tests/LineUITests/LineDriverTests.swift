import LineUI
import OpenConnectors
import Testing
import Wizard

@Suite("Line driver: the create journey as plain prompts")
struct LineDriverTests {
    private func journey(_ form: InstanceForm = connectionForm(), sandbox: Bool = false) -> Journey {
        Journey(steps: CreateJourney.steps, options: JourneyOptions(sandboxURL: sandbox ? "http://127.0.0.1:9/elements/api-v2" : nil, oauthState: testState), form: form)
    }

    @Test("Every step by answers creates the instance with the typed values; the token only when asked")
    func happyPath() async {
        let io = ScriptedLineIO(answers: happyAnswers)
        let service = happyService()
        var journey = journey()
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.output)")
        guard case .createInstance(_, let credentials, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent: \(service.effects)")
            return
        }
        #expect(credentials == Credentials(userSecret: "user-secret", organizationSecret: "org-secret"))
        #expect(body["name"]?.stringValue == "graph-calendar-alice")
        #expect(body["providerData"]?["code"]?.stringValue == "M.C507_BAY.2.U.abc123")
        #expect(io.output.contains("✓ Instance created: id 4242"))
        #expect(io.output.contains("ocwizard recover --id 4242"))
        #expect(!io.output.contains(createdInstance.token!.revealed), "the token is shown only when asked for")
        for step in [1, 2, 3, 4, 5, 6, 7, 9] { #expect(io.output.contains("Step \(step) of 9")) }
    }

    @Test("Events set off by the team profile: the Events question is not asked, the next step says why, and `<` goes back to it")
    func settledEventsArePassed() async {
        var answers = Array(happyAnswers.prefix(9))               // up to and including the grant code
        answers += ["<", "", "graph-calendar-alice", "team-a", "", "n"]  // back to Events (kept off), then on
        let io = ScriptedLineIO(answers: answers)
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState, settled: [.eventsEnabled: .profile]),
                              form: connectionForm())
        journey.state.form.eventsEnabled = false
        let outcome = await LineDriver(io: io, performer: happyService()).run(&journey)
        #expect(outcome == .finished, "\(io.output)")
        let passed = "Webhook events are off (set by the profile), so the Events step was passed; go back a step to turn them on."
        #expect(io.output.contains(passed))
        let instanceStep = io.transcript.firstIndex { $0.contains("Step 6 of 9") } ?? 0
        let eventsStep = io.transcript.firstIndex { $0.contains("Step 5 of 9") } ?? 0
        #expect(instanceStep < eventsStep, "Instance came first; Events only after going back: \(io.output)")
    }

    @Test("Secrets and the grant code are asked with echo off and never printed")
    func secretsNotEchoed() async {
        let io = ScriptedLineIO(answers: happyAnswers)
        var journey = journey()
        _ = await LineDriver(io: io, performer: happyService()).run(&journey)
        let secretLabels = io.secretPrompts.joined()
        for id in [ParameterID.userSecret, .organizationSecret, .apiSecret, .code] {
            #expect(secretLabels.contains(ParameterTable[id].label), "\(id) is asked without echo")
        }
        for secret in ["user-secret", "org-secret", "client~secret~value", "M.C507_BAY.2.U.abc123"] {
            #expect(!io.output.contains(secret), "\(secret) is not printed")
        }
    }

    @Test("A 401 goes back to the connection step with the secrets kept and marked, not dropped")
    func wrongSecretsKeepValues() async {
        let refused = OpenConnectorsError.api(APIFailure(status: 401, body: APIErrorBody(requestId: nil, message: "Invalid Organization or User secret")))
        let service = ScriptedPerformer { effect, earlier in
            if case .verifyCredentials = effect { return [.credentialsVerified(earlier == 0 ? .failure(refused) : .success(Done()))] }
            return happyService().resultsNow(effect)
        }
        // After the 401 both secrets are asked again (both marked); Enter keeps each.
        var answers = Array(happyAnswers.prefix(3))
        answers += ["", ""]
        answers += Array(happyAnswers.dropFirst(3))
        let io = ScriptedLineIO(answers: answers)
        var journey = journey()
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("refused the user or organization secret"))
        let verifies = service.effects.compactMap { effect -> Credentials? in
            if case .verifyCredentials(_, let credentials) = effect { return credentials }
            return nil
        }
        #expect(verifies.count == 2)
        #expect(verifies.last == Credentials(userSecret: "user-secret", organizationSecret: "org-secret"), "the secrets typed before were kept")
    }

    @Test("At the review, back and step N go to earlier steps with every value kept; no exit")
    func reviewGoesBack() async {
        var answers = Array(happyAnswers.dropLast(2))
        answers += ["step 6", "renamed", "", ""]   // change the name, keep the tags, submit
        answers += ["n"]
        let io = ScriptedLineIO(answers: answers)
        let service = happyService()
        var journey = journey()
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.output)")
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent")
            return
        }
        #expect(body["name"]?.stringValue == "renamed")
        #expect(body["tags"] == .array([.string("team-a")]))
        #expect(body["providerData"]?["code"]?.stringValue == "M.C507_BAY.2.U.abc123", "the grant code was kept")
    }

    @Test("A used code sends the user to sign in again, with every other value kept")
    func usedCode() async {
        let used = OpenConnectorsError.api(APIFailure(status: 400, body: APIErrorBody(requestId: nil, message: "Provider error: AADSTS54005: OAuth2 Authorization code was already redeemed")))
        let service = happyService(createResults: [.failure(used), .success(createdInstance)])
        var answers = Array(happyAnswers.dropLast(1))
        answers += ["", "", redirect(code: "M.C507_BAY.2.U.second-code"), "n", "", "", "", "n"]
        let io = ScriptedLineIO(answers: answers)
        var journey = journey()
        let outcome = await LineDriver(io: io, performer: service).run(&journey)
        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("Enter: back to authorize"))
        #expect(service.effects.filter { $0.kind == "fetchAuthorizationURL" }.count == 2, "a new sign-in URL")
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else { return }
        #expect(body["providerData"]?["code"]?.stringValue == "M.C507_BAY.2.U.second-code")
        #expect(body["name"]?.stringValue == "graph-calendar-alice")
    }

    @Test("With events on, the result offers a signed test event; yes sends it with the key and prints what the answer means")
    func testEventAfterCreate() async {
        var answers = Array(happyAnswers.prefix(9))
        answers += ["y", "https://hooks.example/events", "key-0123456789abcdef0123456789abcdef", ""]
        answers += ["graph-calendar-alice", "team-a", "", "n", "y"]   // submit; no token; send a test event
        let service = ScriptedPerformer { effect, earlier in
            if case .sendTestEvent = effect { return [.testEventSent(TestEventReport(isGood: true, lines: ["✓ The receiver answered 200 in 4 ms."]))] }
            return happyService().resultsNow(effect)
        }
        let io = ScriptedLineIO(answers: answers)
        var journey = journey()
        #expect(await LineDriver(io: io, performer: service).run(&journey) == .finished, "\(io.output)")
        #expect(service.effects.last == .sendTestEvent(TestEventRequest(url: "https://hooks.example/events",
                                                                         signatureKey: Secret("key-0123456789abcdef0123456789abcdef"), instanceId: 4242)))
        #expect(io.output.contains("Send a signed test event to https://hooks.example/events now?"))
        #expect(io.output.contains("✓ The receiver answered 200 in 4 ms."))
        #expect(!io.output.contains("key-0123456789abcdef0123456789abcdef"))
    }

    @Test("Generate key keeps the step and shows its menu again; an acknowledged warning is not asked twice")
    func generateKeyThenNext() async {
        var answers = Array(happyAnswers.prefix(9))            // up to and including the grant code
        answers += ["y", "https://localhost/events", "y", ""]  // events on; a localhost URL warns; no key typed
        answers += ["generate", ""]                            // Generate key, then Enter goes on
        answers += ["graph-calendar-alice", "team-a", "", "n", "n"]  // submit; no token; no test event
        let io = ScriptedLineIO(answers: answers)
        let service = happyService()
        var journey = journey()
        #expect(await LineDriver(io: io, performer: service).run(&journey) == .finished, "\(io.output)")
        #expect(io.output.contains("shown only this once: generated-key-0123456789abcdef"))
        guard case .createInstance(_, _, let body)? = service.effects.last(where: { $0.kind == "createInstance" }) else {
            Issue.record("no create was sent")
            return
        }
        #expect(body["configuration"]?["event.notification.signature.key"]?.stringValue == "generated-key-0123456789abcdef")
        #expect(io.transcript.filter { $0.hasPrefix("Continue anyway?") }.count == 1, "the warning was asked once")
    }

    @Test("Input that ends early is reported, not taken as consent")
    func endOfInput() async {
        let io = ScriptedLineIO(answers: ["", "user-secret"])
        var journey = journey()
        #expect(await LineDriver(io: io, performer: happyService()).run(&journey) == .endOfInput)
    }

    @Test("Sandbox: the simulate sign-in button fills the code")
    func simulate() async {
        let service = ScriptedPerformer { effect, _ in
            if case .simulateSignIn = effect { return [.signInSimulated(.success(redirect()))] }
            return happyService().resultsNow(effect)
        }
        var answers = Array(happyAnswers.prefix(7))
        answers += ["simulate", ""]   // authorize: simulate; grant code: Enter keeps the filled one
        answers += Array(happyAnswers.dropFirst(9))
        let io = ScriptedLineIO(answers: answers)
        var journey = journey(sandbox: true)
        #expect(await LineDriver(io: io, performer: service).run(&journey) == .finished, "\(io.output)")
        #expect(io.output.contains("Signed in to the sandbox"))
    }
}

extension ScriptedPerformer {
    /// The scripted answer for `effect` as if it were the first of its kind.
    func resultsNow(_ effect: Effect) -> [EffectResult] {
        switch effect {
        case .verifyCredentials: [.credentialsVerified(.success(Done()))]
        case .fetchAuthorizationURL: [.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph")))]
        case .createInstance: [.instanceCreated(.success(createdInstance))]
        default: []
        }
    }
}
