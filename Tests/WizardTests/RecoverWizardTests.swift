import OpenConnectors
import Testing
@testable import Wizard

/// Instances for the recover tests.
func sampleInstances(_ count: Int) -> [Instance] {
    (1...count).map { index in
        Instance(id: 1000 + index, name: "instance-\(String(format3(index)))", token: Secret("token-\(index)"),
                 tags: index % 2 == 0 ? ["even", "team-a"] : ["odd"], valid: index != 3, disabled: index == 4,
                 eventsEnabled: index % 5 == 0, createdDate: "2026-11-\(String(format2(index % 28 + 1)))T10:00:00Z",
                 configuration: ["oauth.api.key": "********", "oauth.callback.url": "https://localhost/cb", "oauth.scope": "Calendars.Read offline_access"])
    }
}

private func format3(_ value: Int) -> String { String(repeating: "0", count: max(0, 3 - String(value).count)) + String(value) }
private func format2(_ value: Int) -> String { String(repeating: "0", count: max(0, 2 - String(value).count)) + String(value) }

/// A recover wizard past the connection step with `count` instances loaded in pages of 200.
func loadedRecover(_ count: Int) -> RecoverWizard {
    var wizard = RecoverWizard(configuration: WizardConfiguration(
        prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: testState))
    wizard.update(.key(.enter))
    wizard.update(.response(.credentialsVerified(.success(Done()))))
    let all = sampleInstances(count)
    var start = 0
    repeat {
        let page = Array(all[start..<min(all.count, start + 200)])
        start += 200
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: page, totalCount: count, nextPageToken: start < all.count ? "p\(start)" : nil)))))
    } while start < all.count
    return wizard
}

@Suite("Recover")
struct RecoverWizardTests {
    @Test("A verified connection starts the listing; pages fill the table as they come")
    func listing() {
        var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: testState))
        #expect(wizard.connectionJourney.focus == .action(.next), "pre-filled connection: Enter goes on")
        let effects = wizard.update(.key(.enter))
        #expect(effects.count == 1)
        let listed = wizard.update(.response(.credentialsVerified(.success(Done()))))
        #expect(listed == [.listInstances(baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "u", organizationSecret: "o"))])
        #expect(wizard.screen == .instances)
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: Array(sampleInstances(3).prefix(2)), totalCount: 3, nextPageToken: "n")))))
        #expect(wizard.listing == .loading(pages: 1, total: 3))
        #expect(wizard.list.visible.count == 2)
        // Keys work while pages are still loading.
        wizard.update(.key(.down))
        #expect(wizard.selectedInstance?.id == 1002)
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: [sampleInstances(3)[2]], totalCount: 3, nextPageToken: nil)))))
        #expect(wizard.listing == .complete)
        #expect(wizard.selectedInstance?.id == 1002, "the selection stays on the same instance")
    }

    @Test("Typing filters over name, id and tags; Esc clears the filter first")
    func filtering() {
        var wizard = loadedRecover(30)
        for character in "team-a" { wizard.update(.key(.character(character))) }
        #expect(wizard.list.visible.count == 15)
        #expect(wizard.list.visible.allSatisfy { wizard.list.all[$0].tags.contains("team-a") })
        wizard.update(.key(.control("u")))
        for character in "1017" { wizard.update(.key(.character(character))) }
        #expect(wizard.list.visible.map { wizard.list.all[$0].id } == [1017])
        wizard.update(.key(.backspace))
        #expect(wizard.list.visible.count == 10, "101 matches the ids 1010…1019")
        wizard.update(.key(.escape))
        #expect(wizard.filter.text.isEmpty)
        #expect(wizard.screen == .instances)
        #expect(wizard.list.visible.count == 30)
        wizard.update(.key(.escape))
        #expect(wizard.screen == .connection)
    }

    @Test("Tab cycles the sort key; Shift-Tab reverses the order")
    func sorting() {
        var wizard = loadedRecover(5)
        #expect(wizard.list.sort == .name)
        wizard.update(.key(.tab))
        #expect(wizard.list.sort == .id)
        wizard.update(.key(.backTab))
        #expect(wizard.list.instance(atRow: 0).id == 1005)
        wizard.update(.key(.tab))
        #expect(wizard.list.sort == .created)
        let dates = wizard.list.visible.map { wizard.list.all[$0].createdDate ?? "" }
        #expect(dates == dates.sorted())
    }

    @Test("Enter opens the detail and reads the instance again; Ctrl-R reveals the token")
    func detail() {
        var wizard = loadedRecover(3)
        let effects = wizard.update(.key(.enter))
        #expect(effects == [.loadInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "u", organizationSecret: "o"), id: 1001)])
        #expect(wizard.screen == .detail)
        var fresh = sampleInstances(1)[0]
        fresh.token = "fresh-token"
        wizard.update(.response(.instanceLoaded(.success(fresh))))
        #expect(wizard.detail?.token == "fresh-token")
        #expect(!wizard.tokenRevealed)
        wizard.update(.key(.control("r")))
        #expect(wizard.tokenRevealed)
        #expect(wizard.update(.key(.enter)) == [.copyToClipboard("fresh-token")])
        wizard.update(.key(.escape))
        #expect(wizard.screen == .instances)
    }

    @Test("An empty account says so and Enter starts create")
    func emptyAccount() {
        var wizard = loadedRecover(1)
        wizard.list = InstanceList()
        #expect(wizard.update(.key(.enter)) == [.startCreate])
    }

    @Test("Delete asks for the instance's name and removes it from the table")
    func delete() {
        var wizard = loadedRecover(3)
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(1)[0]))))
        wizard.detailFocus = .delete
        wizard.update(.key(.enter))
        #expect(wizard.modal == .confirmDelete(TextEditor(text: "")))
        for character in "instance-00" { wizard.update(.key(.character(character))) }
        #expect(wizard.update(.key(.enter)).isEmpty, "a wrong name deletes nothing")
        #expect(wizard.notice?.contains("instance-001") == true)
        wizard.update(.key(.character("1")))
        let effects = wizard.update(.key(.enter))
        #expect(effects == [.deleteInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "u", organizationSecret: "o"), id: 1001)])
        wizard.update(.response(.instanceDeleted(.success(Done()))))
        #expect(wizard.screen == .instances)
        #expect(!wizard.list.all.contains { $0.id == 1001 })
    }

    @Test("Enable shows only for disabled instances and reloads the instance")
    func enable() {
        var wizard = loadedRecover(5)
        wizard.update(.key(.tab)) // by id
        wizard.update(.key(.down))
        wizard.update(.key(.down))
        wizard.update(.key(.down))
        wizard.update(.key(.enter))
        #expect(wizard.detail?.id == 1004)
        #expect(wizard.detailActions.contains(.enable))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(4)[3]))))
        wizard.detailFocus = .enable
        let effects = wizard.update(.key(.enter))
        guard case .enableInstance(_, _, 1004)? = effects.first else {
            Issue.record("expected enable, got \(effects)")
            return
        }
        let reload = wizard.update(.response(.instanceEnabled(.success(Done()))))
        guard case .loadInstance(_, _, 1004)? = reload.first else {
            Issue.record("expected a reload, got \(reload)")
            return
        }
    }

    @Test("Re-authenticate runs Azure app, Authorize and Grant code again, then PUTs the new code")
    func reauthenticate() {
        var wizard = loadedRecover(3)
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(1)[0]))))
        wizard.detailFocus = .reauthenticate
        wizard.update(.key(.enter))
        #expect(wizard.screen == .reauthenticate)
        #expect(wizard.signInJourney!.step == .azureApp)
        #expect(wizard.signInJourney!.form[.callbackURL] == "https://localhost/cb", "taken from the instance")
        #expect(wizard.signInJourney!.form[.apiSecret].isEmpty, "the client secret must be typed again")
        #expect(wizard.signInJourney!.form[.apiKey].isEmpty, "the service masks the client id")
        for character in testClientID { wizard.update(.key(.character(character))) }
        wizard.update(.key(.tab))
        for character in "secret" { wizard.update(.key(.character(character))) }
        let fetch = wizard.update(.key(.pageDown))
        guard case .fetchAuthorizationURL? = fetch.first else {
            Issue.record("expected a sign-in URL request, got \(fetch)")
            return
        }
        wizard.update(.response(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/a", element: "microsoftgraph")))))
        wizard.update(.key(.pageDown))
        wizard.update(.paste(redirect(to: "https://localhost/cb")))
        let effects = wizard.update(.key(.pageDown))
        #expect(effects == [.reauthenticate(ReauthenticationRequest(
            baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "u", organizationSecret: "o"), id: 1001,
            code: "M.C507_BAY.2.U.abc123", apiKey: testClientID, apiSecret: "secret", callbackURL: "https://localhost/cb"))])
        var renewed = sampleInstances(1)[0]
        renewed.token = "new-token"
        wizard.update(.response(.instanceReauthenticated(.success(renewed))))
        #expect(wizard.screen == .detail)
        #expect(wizard.detail?.token == "new-token")
        #expect(wizard.banner?.lines.contains { $0.contains("token changed") } == true)
    }

    @Test("A 401 while listing goes back to the connection step with the secrets kept")
    func unauthorized() {
        var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.userSecret: "u", .organizationSecret: "o"], oauthState: testState))
        wizard.update(.key(.enter))
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        wizard.update(.response(.instancesPage(.failure(.api(APIFailure(status: 401, body: nil))))))
        #expect(wizard.screen == .connection)
        #expect(wizard.connectionJourney.form[.userSecret] == "u")
        #expect(!wizard.connectionJourney.problems(for: .userSecret).isEmpty)
    }

    @Test("Filtering 10,000 instances narrows incrementally and keeps the sorted order")
    func largeFilter() {
        let instances = sampleInstances(10_000)
        var list = InstanceList()
        list.append(instances)
        for query in ["instance-9", "instance-99", "instance-998", "even", "1000"] {
            list.filter(query)
            let expected = instances.filter { ([$0.name, String($0.id)] + $0.tags).joined(separator: " ").contains(query) }
                .sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(\.id)
            #expect(list.visible.map { list.all[$0].id } == expected, "filter \(query)")
        }
    }
}

@Suite("Recover: what a new user hit")
struct RecoverFixesTests {
    @Test("After Enable the detail is read again and the focus is on a button that exists")
    func focusAfterEnable() {
        var wizard = loadedRecover(3)
        wizard.update(.key(.enter))
        var disabled = sampleInstances(1)[0]
        disabled.disabled = true
        wizard.update(.response(.instanceLoaded(.success(disabled))))
        wizard.detailFocus = .enable
        #expect(wizard.update(.key(.enter)).count == 1)
        wizard.update(.response(.instanceEnabled(.success(Done()))))
        var enabled = disabled
        enabled.disabled = false
        wizard.update(.response(.instanceLoaded(.success(enabled))))
        #expect(wizard.detailActions.contains(wizard.detailFocus), "focus on \(wizard.detailFocus), buttons \(wizard.detailActions)")
    }

    @Test("Quitting from recover's connection step does not speak of creating an instance")
    func quitQuestion() {
        var wizard = RecoverWizard(configuration: WizardConfiguration(oauthState: testState))
        wizard.update(.key(.tab))
        wizard.update(.key(.character("x")))
        wizard.update(.key(.escape))
        #expect(wizard.connectionJourney.modal == .confirmQuit)
        #expect(!wizard.connectionJourney.quitQuestion.contains("creating"))
        #expect(freshWizard().quitQuestion.contains("without creating an instance"))
    }
}
