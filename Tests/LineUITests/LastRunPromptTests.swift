import LineUI
import OpenConnectors
import Testing
import Wizard

@Suite("Line driver: values of the last run")
struct LastRunPromptTests {
    @Test("A value from the last run is marked [last run] at its prompt; a value typed this run is not")
    func marksLastRunValues() async {
        var form = InstanceForm()
        form[.baseURL] = "https://oc.example.com/elements/api-v2"
        form[.apiKey] = "0f5e4a1c-1111-2222-3333-444455556666"
        // The base URL kept, both secrets typed, the client id kept; input ends at the client secret.
        let io = ScriptedLineIO(answers: ["", "user-secret", "org-secret", ""])
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: form)
        let lastRun = [ParameterID.baseURL: form[.baseURL], .apiKey: form[.apiKey]]
        _ = await LineDriver(io: io, performer: happyService(), lastRun: lastRun).run(&journey)
        #expect(io.transcript.contains { $0.hasPrefix("API base URL [https://oc.example.com/elements/api-v2] [last run]") }, "\(io.output)")
        #expect(io.transcript.contains { $0.hasPrefix("Azure client ID [0f5e4a1c-1111-2222-3333-444455556666] [last run]") }, "\(io.output)")
        #expect(!io.transcript.contains { $0.hasPrefix("User secret") && $0.contains("[last run]") })
        #expect(!io.transcript.contains { $0.hasPrefix("Scope") && $0.contains("[last run]") }, "the table's default scope is not the last run's")
    }
}
