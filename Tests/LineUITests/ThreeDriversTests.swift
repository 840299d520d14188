import LineUI
import OpenConnectors
import Testing
import TerminalUI
import Wizard

/// A step that exists only here: it asks for the tags, and checks them with a call before going on.
///
/// It proves that a step is one definition plus one line in a journey, and that every driver shows it.
private struct TeamStep: FlowStep {
    var id: WizardStep { WizardStep("team", title: "Team") }
    var checked: [ParameterID] { [.tags] }

    func intro(_ state: JourneyState) -> StepIntro {
        StepIntro("Which team owns it", "Tags let the team find the instance again.")
    }

    func proceed(_ state: inout JourneyState) -> StepOutcome {
        state.beginBusy(.verifyingCredentials)
        return .run([.verifyCredentials(baseURL: state.form.normalized(.baseURL), credentials: Credentials(form: state.form))])
    }

    func receive(_ result: EffectResult, _ state: inout JourneyState) -> StepOutcome? {
        guard case .credentialsVerified(let outcome) = result, state.busy == .verifyingCredentials else { return nil }
        state.busy = nil
        switch outcome {
        case .success: return .advance
        case .failure(let error): return .failed(error)
        }
    }
}

/// A step only a person can pass: it never goes on by itself.
private struct PersonOnlyStep: FlowStep {
    var id: WizardStep { WizardStep("person", title: "Person") }
    func intro(_ state: JourneyState) -> StepIntro { StepIntro("Only a person", "") }
    func proceed(_ state: inout JourneyState) -> StepOutcome { .stay }
}

@Suite("One step, three drivers")
struct ThreeDriversTests {
    private let steps: [any FlowStep] = [ConnectionStep(), TeamStep()]

    private func form() -> InstanceForm { filledConnectionForm() }

    /// How many calls of the kind both the connection and the team step make were performed.
    private func calls(_ service: ScriptedPerformer) -> Int {
        service.effects.filter { $0.kind == "verifyCredentials" }.count
    }

    @Test("The screen driver shows the new step's heading, position and field, and its call finishes the journey")
    func screen() {
        var wizard = CreateWizard(configuration: WizardConfiguration(prefill: form().values, oauthState: testState), steps: steps)
        var effects = wizard.update(.key(.enter))   // the connection is filled: Enter on Next verifies
        #expect(effects.count == 1)
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        #expect(wizard.step.key == "team")
        let screen = WizardView(theme: .monochrome).render(wizard, width: 80, height: 24).textLines.joined(separator: "\n")
        #expect(screen.contains("Step 2 of 2 · Team"))
        #expect(screen.contains("Which team owns it"))
        #expect(screen.contains(ParameterTable[.tags].label))
        for character in "team-a" { wizard.update(.key(.character(character))) }
        effects = wizard.update(.key(.enter))
        #expect(effects.count == 1, "the team step's own call")
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        #expect(wizard.journey.state.finished)
        #expect(wizard.form.tagList == ["team-a"])
    }

    @Test("The line driver asks the new step's field under its heading, and its call finishes the journey")
    func line() async {
        let service = happyService()
        let io = ScriptedLineIO(answers: ["", "", "", "team-a"])
        var journey = Journey(steps: steps, options: JourneyOptions(oauthState: testState), form: form())
        #expect(await LineDriver(io: io, performer: service).run(&journey) == .finished, "\(io.output)")
        #expect(io.output.contains("Step 2 of 2 · Team"))
        #expect(io.output.contains("Which team owns it"))
        #expect(io.transcript.contains { $0.hasPrefix(ParameterTable[.tags].label) })
        #expect(journey.state.form.tagList == ["team-a"])
        #expect(calls(service) == 2, "the connection check and the team step's call")
    }

    @Test("The batch driver passes the new step with the given value and runs its call; a bad value stops it")
    func batch() async {
        let service = happyService()
        var values = form()
        values[.tags] = "team-a"
        var journey = Journey(steps: steps, options: JourneyOptions(oauthState: testState, unattended: true), form: values)
        #expect(await BatchDriver(performer: service).run(&journey) == .finished)
        #expect(calls(service) == 1, "the connection check is skipped unattended; the team step's call is not")

        values[.tags] = "a, a"
        var bad = Journey(steps: steps, options: JourneyOptions(oauthState: testState, unattended: true), form: values)
        guard case .invalid(let problems) = await BatchDriver(performer: service).run(&bad) else {
            Issue.record("a duplicate tag must stop the batch")
            return
        }
        #expect(problems.map(\.wireKey) == ["tags"])
    }

    @Test("A step that never goes on unattended stops the batch with its name, not silently")
    func batchStuck() async {
        var journey = Journey(steps: [ConnectionStep(), PersonOnlyStep()], options: JourneyOptions(oauthState: testState, unattended: true), form: form())
        #expect(await BatchDriver(performer: happyService()).run(&journey) == .stuck(WizardStep("person", title: "Person")))
    }
}
