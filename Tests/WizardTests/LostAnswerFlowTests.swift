import OpenConnectors
import Testing
@testable import Wizard
import WizardScripting

/// Every answer the tool could not see, as the screen driver meets it: the flow looks for the
/// instance before it says anything, shows it when found, asks for a new sign-in only when none
/// was found, and offers no retry while the outcome is unknown.
@Suite("Lost answers")
struct LostAnswerFlowTests {
    /// Each way a create's answer can be lost after the service may have acted.
    static let causes: [OpenConnectorsError] = [
        .transport(.answerLost(.connectionLost(detail: "transfer closed with 200 bytes remaining to read"))),
        .transport(.answerLost(.connectionLost(detail: "Empty reply from server"))),
        .transport(.answerLost(.timedOut(seconds: 30))),
        .transport(.answerLost(.cancelled)),
        .unexpectedBody(status: 200, detail: "not valid JSON"),
        .api(APIFailure(status: 504, body: nil)),
    ]

    /// A wizard whose submit failed with `cause`; returns the effects that failure started.
    private func submitLosing(_ cause: OpenConnectorsError, wizard: inout CreateWizard) -> [Effect] {
        wizard.reachReview()
        wizard.press(.enter)
        return wizard.receive(.instanceCreated(.failure(cause)))
    }

    @Test("A lost answer is looked for by name, tags and age before anything is said", arguments: causes)
    func looksFirst(cause: OpenConnectorsError) {
        var wizard = freshWizard()
        let effects = submitLosing(cause, wizard: &wizard)
        guard case .findInstances(_, _, let lookup)? = effects.first, effects.count == 1 else {
            Issue.record("expected one look-up, got \(effects)")
            return
        }
        #expect(lookup == InstanceLookup(name: "graph-calendar-alice", tags: ["team-a"], createdWithin: InstanceLookup.recentWindow))
        #expect(wizard.busy == .lookingForInstance)
        #expect(wizard.step == .submitting)
        #expect(wizard.submitFailure == nil)
    }

    @Test("Found: the instance is shown as created, with its id and where it came from", arguments: causes)
    func found(cause: OpenConnectorsError) {
        var wizard = freshWizard()
        submitLosing(cause, wizard: &wizard)
        wizard.receive(.instancesFound(.success([sampleInstance])))
        #expect(wizard.step == .result)
        #expect(wizard.createdInstance == sampleInstance)
        #expect(wizard.journey.intro.heading == "✓ Instance created")
        #expect(wizard.banner?.lines.contains { $0.contains("found it: the instance was created (id 4242)") } == true)
        #expect(wizard.journey.actions == [.copyToken, .saveResult, .quit])
    }

    @Test("Found none: not created, and only a new sign-in is offered (the code is probably spent)", arguments: causes)
    func foundNone(cause: OpenConnectorsError) {
        var wizard = freshWizard()
        submitLosing(cause, wizard: &wizard)
        wizard.receive(.instancesFound(.success([])))
        #expect(wizard.step == .result)
        #expect(wizard.createdInstance == nil)
        #expect(wizard.journey.intro.heading == "✗ The instance was not created")
        #expect(wizard.banner?.lines.contains { $0.contains("found none: it was not created") } == true)
        #expect(wizard.journey.actions == [.goTo(.authorize), .quit])

        wizard.journey.press(.goTo(.authorize))
        #expect(wizard.step == .authorize)
        #expect(wizard.form[.code].isEmpty)
        #expect(wizard.authorization == nil)
    }

    @Test("The look-up fails too: outcome unknown, how to check, Look again but no retry", arguments: causes)
    func lookupFails(cause: OpenConnectorsError) {
        var wizard = freshWizard()
        submitLosing(cause, wizard: &wizard)
        wizard.receive(.instancesFound(.failure(.transport(.connectionRefused(host: "api.example:443")))))
        #expect(wizard.step == .result)
        #expect(wizard.journey.intro.heading.hasPrefix("? The instance may exist"))
        #expect(wizard.banner?.lines.contains("The instance may exist. Check before creating it again: ocwizard recover --name 'graph-calendar-alice'") == true)
        #expect(wizard.journey.actions == [.lookAgain, .quit])
        #expect(!wizard.journey.actions.contains(.retrySubmit))
        // Back from the result does not lead to a blind second submit either.
        let wentBack = wizard.journey.goBack()
        #expect(wentBack)
        #expect(wizard.step == .review)

        var again = freshWizard()
        submitLosing(cause, wizard: &again)
        again.receive(.instancesFound(.failure(.transport(.timedOut(seconds: 30)))))
        let effects = again.journey.press(.lookAgain)
        guard case .findInstances? = effects.first else {
            Issue.record("Look again did not look: \(effects)")
            return
        }
        again.receive(.instancesFound(.success([sampleInstance])))
        #expect(again.createdInstance == sampleInstance)
    }

    @Test("A plain failure that never reached the service is reported at once, as before")
    func plainFailure() {
        var wizard = freshWizard()
        let effects = submitLosing(.transport(.connectionRefused(host: "api.example:443")), wizard: &wizard)
        #expect(effects.isEmpty)
        #expect(wizard.step == .result)
        #expect(wizard.journey.state.lostAnswer == nil)
        #expect(wizard.journey.actions == [.goTo(.review), .retrySubmit, .quit])
    }
}

/// Review looks once for instances that already carry the name, and warns.
@Suite("Same name on Review")
struct SameNameReviewTests {
    @Test("Entering Review looks for the name once; a match is a warning that does not block Submit")
    func warns() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.passAzureApp()
        wizard.press(.enter)
        wizard.update(.key(.pageDown))
        wizard.update(.paste(redirect()))
        wizard.press(.enter)
        wizard.update(.key(.pageDown))
        wizard.type("graph-calendar-alice")
        let effects = wizard.press(.pageDown)
        #expect(wizard.step == .review)
        #expect(effects == [.findInstances(baseURL: wizard.form.normalized(.baseURL), credentials: Credentials(form: wizard.form),
                                           lookup: InstanceLookup(name: "graph-calendar-alice"))])

        var older = sampleInstance
        older.id = 17
        wizard.receive(.instancesFound(.success([older])))
        #expect(wizard.banner?.tone == .warning)
        #expect(wizard.banner?.lines.first == "An instance named graph-calendar-alice already exists (id 17, created 2026-11-29T10:00:00Z).")
        // Rendering does not ask again: the check is one call per visit.
        let again = wizard.receive(.instancesFound(.success([older])))
        #expect(again.isEmpty)

        // Submit still goes on; a lost answer then never takes the older instance for the new one.
        let submitted = wizard.press(.enter)
        guard case .createInstance? = submitted.first else {
            Issue.record("the warning blocked Submit: \(submitted)")
            return
        }
        let look = wizard.receive(.instanceCreated(.failure(.transport(.answerLost(.timedOut(seconds: 30))))))
        guard case .findInstances(_, _, let lookup)? = look.first else {
            Issue.record("expected a look-up, got \(look)")
            return
        }
        #expect(lookup.excludedIDs == [17])
    }

    @Test("A name nobody uses shows nothing")
    func quietWhenFree() {
        var wizard = freshWizard()
        wizard.reachReview()
        wizard.receive(.instancesFound(.success([])))
        #expect(wizard.banner == nil)
    }
}
