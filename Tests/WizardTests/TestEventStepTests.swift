import OpenConnectors
import Testing
@testable import Wizard

/// The "Send test event" action: offered where events are on and a receiver is known, defined once
/// in the result step and the recover detail.
@Suite("Send test event: where it is offered and what it shows")
struct TestEventStepTests {
    static let report = TestEventReport(isGood: true, lines: ["✓ The receiver answered 200 in 3 ms: 2xx quickly, so the platform counts the delivery as done."])

    private func created(events: Bool) -> JourneyState {
        var state = JourneyState(options: JourneyOptions(oauthState: testState), form: InstanceForm(), step: .result)
        state.form.eventsEnabled = events
        state.form[.eventsCallbackURL] = "https://hooks.example/events"
        state.form[.signatureKey] = "key-0123456789"
        state.createdInstance = Instance(id: 77, name: "calendar", token: "T")
        return state
    }

    @Test("The result offers it only with events on, a callback URL and a key; pressing it sends, the answer becomes the banner")
    func result() {
        let step = ResultStep()
        #expect(!step.actions(created(events: false)).contains(.sendTestEvent))
        var state = created(events: true)
        #expect(step.actions(state) == [.copyToken, .sendTestEvent, .saveResult, .quit])
        let outcome = step.perform(.sendTestEvent, &state)
        #expect(outcome == .run([.sendTestEvent(TestEventRequest(url: "https://hooks.example/events", signatureKey: Secret("key-0123456789"), instanceId: 77))]))
        #expect(state.notice?.contains("Sending a signed test event") == true)
        #expect(step.receive(.testEventSent(Self.report), &state) == .stay)
        #expect(state.banner == Self.report.banner && state.notice == nil)
        var noKey = created(events: true)
        noKey.form[.signatureKey] = ""
        #expect(!step.actions(noKey).contains(.sendTestEvent))
    }

    @Test("The recover detail offers it for an instance with events on; without OC_SIGNATURE_KEY it says how to give the key")
    func recoverDetail() {
        var instance = sampleInstances(5)[4]
        instance.configuration["event.notification.callback.url"] = "https://hooks.example/events"
        #expect(instance.eventsEnabled == true)

        var wizard = loadedRecover(5)
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(instance))))
        #expect(wizard.detailActions.contains(.sendTestEvent))
        wizard.detailFocus = .sendTestEvent
        #expect(wizard.update(.key(.enter)).isEmpty)
        #expect(wizard.notice == MissingSignatureKey().message)

        var keyed = RecoverWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o", .signatureKey: "key-0123456789"], oauthState: testState))
        keyed.update(.key(.enter))
        keyed.update(.response(.credentialsVerified(.success(Done()))))
        keyed.update(.response(.instancesPage(.success(InstancePage(instances: [instance])))))
        keyed.update(.key(.enter))
        keyed.update(.response(.instanceLoaded(.success(instance))))
        keyed.detailFocus = .sendTestEvent
        #expect(keyed.update(.key(.enter)) == [.sendTestEvent(TestEventRequest(url: "https://hooks.example/events", signatureKey: Secret("key-0123456789"), instanceId: instance.id))])
        keyed.update(.response(.testEventSent(Self.report)))
        #expect(keyed.banner == Self.report.banner)

        var quiet = sampleInstances(1)[0]
        quiet.eventsEnabled = false
        #expect(RecoverWizard.eventsReceiver(quiet) == nil)
    }
}
