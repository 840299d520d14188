import OpenConnectors
import Testing

/// The parameter table as data, and validation of whole forms.
@Suite("Parameter table and whole-form validation")
struct ParameterTableTests {
    @Test("one row per parameter, with the seed's wire keys, in the wizard's order")
    func rowsAndWireKeys() {
        #expect(ParameterTable.all.map(\.id) == ParameterID.allCases)
        #expect(ParameterTable.all.map(\.wireKey) == [
            "baseUrl", "Authorization: User", "Authorization: Organization", "key", "oauth.api.key", "oauth.api.secret",
            "oauth.callback.url", "oauth.scope", "code", "event.notification.enabled", "event.notification.callback.url",
            "event.notification.signature.key", "name", "tags",
        ])
        for row in ParameterTable.all {
            #expect(ParameterTable[row.id].wireKey == row.wireKey)
            #expect(ParameterTable.all.filter { $0.wireKey == row.wireKey }.count == 1, "wire key \(row.wireKey) is unique")
            #expect(!row.label.isEmpty && row.help.hasSuffix("."), "\(row.id)")
        }
    }

    @Test("defaults: scope with offline_access, events off, the US2 base URL, the fixed connector key")
    func defaults() {
        let form = InstanceForm()
        #expect(form[.scope] == "Calendars.Read Calendars.ReadWrite offline_access")
        #expect(form[.eventsEnabled] == "false" && !form.eventsEnabled)
        #expect(form[.baseURL] == "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2")
        #expect(form[.elementKey] == "microsoftgraph")
        #expect(Set(form.values.keys) == [.scope, .eventsEnabled, .baseURL, .elementKey])
    }

    @Test("kinds, requirements and secrecy of each row")
    func kindsAndRequirements() {
        let secrets = ParameterTable.all.filter(\.isSecret).map(\.id)
        #expect(secrets == [.userSecret, .organizationSecret, .apiSecret, .code, .signatureKey])
        #expect(ParameterTable[.eventsCallbackURL].requirement == .requiredWhenEventsEnabled)
        #expect(ParameterTable.all.filter { $0.requirement == .optional }.map(\.id) == [.eventsEnabled, .signatureKey, .tags])
        #expect(ParameterTable[.elementKey].requirement == .fixed)
        #expect(ParameterTable[.scope].kind == .scopeList && ParameterTable[.tags].kind == .tagList)
        #expect(ParameterTable[.eventsEnabled].kind == .boolean)
        #expect([ParameterID.baseURL, .callbackURL, .eventsCallbackURL].allSatisfy { ParameterTable[$0].kind == .url })
    }

    @Test("secrets can never be given as a command-line flag or in a profile file (argv and files are readable)")
    func secretsHaveNoFlag() {
        for row in ParameterTable.all where row.isSecret && row.id != .code {
            #expect(row.flag == nil && row.profileKey == nil, "\(row.id)")
        }
    }

    @Test("the events callback URL is required exactly when events are on")
    func conditionalRequirement() {
        let row = ParameterTable[.eventsCallbackURL]
        #expect(Validator.isRequired(row, in: Fixtures.validForm(eventsEnabled: true)))
        #expect(!Validator.isRequired(row, in: Fixtures.validForm(eventsEnabled: false)))
        #expect(Validator.isActive(ParameterTable[.signatureKey], in: Fixtures.validForm(eventsEnabled: true)))
        #expect(!Validator.isActive(ParameterTable[.signatureKey], in: Fixtures.validForm(eventsEnabled: false)))
    }

    @Test("the baseline form used by the row tests has no problem at all, with events off or on")
    func baselineIsValid() {
        #expect(Validator.problems(in: Fixtures.validForm(eventsEnabled: false)).isEmpty)
        #expect(Validator.problems(in: Fixtures.validForm(eventsEnabled: true)).isEmpty)
    }

    @Test("an empty form reports every missing value at once, all errors, in table order")
    func emptyFormReportsEverything() {
        let problems = Validator.problems(in: InstanceForm(values: [:]))
        #expect(problems.map(\.wireKey) == [
            "baseUrl", "Authorization: User", "Authorization: Organization", "key", "oauth.api.key", "oauth.api.secret",
            "oauth.callback.url", "oauth.scope", "code", "name",
        ])
        #expect(problems.allSatisfy { $0.severity == .error && $0.message == ParameterTable[$0.parameter].label + " is required." })
        #expect(problems.first?.description == "baseUrl: API base URL is required.")
    }

    @Test("a new form (defaults only) misses exactly the values a person must type")
    func newFormMissesTypedValues() {
        let problems = Validator.problems(in: InstanceForm())
        #expect(problems.map(\.parameter) == [.userSecret, .organizationSecret, .apiKey, .apiSecret, .callbackURL, .code, .name])
    }

    @Test("several bad values are all reported, errors and warnings alike, with events on")
    func everyProblemOfAFilledForm() {
        var form = Fixtures.validForm(eventsEnabled: true)
        form[.apiKey] = "has space"
        form[.scope] = "Calendars.Read"
        form[.eventsCallbackURL] = ""
        form[.signatureKey] = "short"
        form[.name] = "<i>x</i>"
        form[.tags] = "a,a"
        let problems = Validator.problems(in: form)
        #expect(problems.map(\.wireKey) == [
            "oauth.api.key", "oauth.scope", "event.notification.callback.url", "event.notification.signature.key", "name", "tags",
        ])
        #expect(problems.errors.map(\.parameter) == [.apiKey, .eventsCallbackURL, .tags])
        #expect(problems.warnings.map(\.parameter) == [.scope, .signatureKey, .name])
    }

    @Test("validating a subset of parameters reports only those")
    func subset() {
        let problems = Validator.problems(in: InstanceForm(values: [:]), for: [.name, .apiKey])
        #expect(problems.map(\.parameter) == [.apiKey, .name])
    }

    @Test("severity order: a warning is less than an error")
    func severityOrder() {
        #expect(Severity.warning < .error)
        #expect(!(Severity.error < .warning))
        #expect([Severity.error, .warning].max() == .error)
    }
}
