import OpenConnectors
import SystemPorts
import Testing
@testable import OCWizardCLI

@Suite("The last run pre-fills the next one")
struct LastRunPrefillTests {
    @Test("The last setup fills only what nothing else set (an environment variable wins), never a secret or the name")
    func fillsGapsOnly() throws {
        let fake = InMemoryPorts(environment: ["HOME": "/home/alice", "OC_API_KEY": "from-the-environment"])
        var last = InstanceForm()
        last[.baseURL] = "https://oc.example.com/elements/api-v2"
        last[.apiKey] = "from-the-last-run"
        last[.callbackURL] = "http://localhost:8765/callback"
        last[.eventsCallbackURL] = "https://hooks.example.com/oc"
        last[.tags] = "team-a, mail"
        last[.name] = "last-instance"
        last[.apiSecret] = "client-secret"
        LastRun(fake.ports).save(last)
        var values = try ValueSources.gather(flags: [:], profilePath: nil, secretsFile: nil, ports: fake.ports)
        LastRun(fake.ports).prefill(&values)
        #expect(values.form[.baseURL] == "https://oc.example.com/elements/api-v2" && values.sources[.baseURL] == .lastRun)
        #expect(values.form[.callbackURL] == "http://localhost:8765/callback" && values.sources[.callbackURL] == .lastRun)
        #expect(values.form[.eventsCallbackURL] == "https://hooks.example.com/oc" && values.sources[.tags] == .lastRun)
        #expect(values.form[.apiKey] == "from-the-environment" && values.sources[.apiKey] == .environment)
        #expect(values.form[.name].isEmpty && values.form[.apiSecret].isEmpty)
    }

    @Test("A run against a host on this machine (a sandbox by --base-url) is not remembered")
    func loopbackHostsAreNotRemembered() {
        let fake = InMemoryPorts(environment: ["HOME": "/home/alice"])
        for base in ["http://127.0.0.1:4000/elements/api-v2", "http://localhost:4000/elements/api-v2", "http://[::1]:4000/elements/api-v2"] {
            var form = InstanceForm()
            form[.baseURL] = base
            LastRun(fake.ports).save(form)
        }
        #expect(fake.files.paths.isEmpty)
        #expect(LastRun.remembers({ var form = InstanceForm(); form[.baseURL] = "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"; return form }()))
    }

    @Test("create --no-input does not take values from the last run")
    func scriptsAreNotPrefilled() async {
        let fake = InMemoryPorts(environment: ["HOME": "/home/alice"])
        var last = InstanceForm()
        last[.baseURL] = "https://oc.example.com/elements/api-v2"
        last[.apiKey] = "from-the-last-run"
        LastRun(fake.ports).save(last)
        var settings = CreateSettings()
        settings.noInput = true
        let status = await CreateRun(settings: settings, ports: fake.ports).run()
        #expect(status == ExitStatus.invalidInput.rawValue)
        #expect(fake.terminal.error.contains(ParameterTable[.apiKey].label), "the client id was taken from the last run: \(fake.terminal.error)")
    }
}
