import OpenConnectors
import Testing
import TerminalUI
@testable import Wizard

/// Recover screens at 80×24, compared with reviewed text snapshots.
@Suite("Recover snapshots")
struct RecoverSnapshotTests {
    static let instances: [Instance] = [
        Instance(id: 1001, name: "graph-calendar-alice", token: "HKv87sqVlYBup6PVrfY+S9qS0lzURe/nT7266Ph+ZdY=", tags: ["team-a", "日本語タグ"],
                 valid: true, disabled: false, eventsEnabled: true, createdDate: "2026-11-29T12:17:46Z",
                 configuration: ["oauth.api.key": "********", "oauth.api.secret": "********", "oauth.callback.url": "https://localhost/ocwizard/callback",
                                 "oauth.scope": "Calendars.Read Calendars.ReadWrite offline_access", "event.notification.enabled": "true",
                                 "event.notification.callback.url": "https://example.com/oc-events"]),
        Instance(id: 1002, name: "graph-calendar-bob", token: "L0Fgsw2+baOCmrttXfsDNLcw6cirPh3B3tuqjyGRDZE=", tags: ["team-b"],
                 valid: false, disabled: false, eventsEnabled: false, createdDate: "2026-11-28T08:00:00Z"),
        Instance(id: 1003, name: "old-test", token: "9BOYVurGQwVxFK0eQmrwnfwQJCU+/CWuTPxB0AXauD4=", tags: [],
                 valid: true, disabled: true, eventsEnabled: false, createdDate: "2025-01-02T03:04:05Z"),
    ]

    func connected() -> RecoverWizard {
        var wizard = RecoverWizard(configuration: WizardConfiguration(
            prefill: [.userSecret: "sandbox-user", .organizationSecret: "sandbox-org"], oauthState: "state-1234"))
        wizard.update(.tick(ScreenFixtures.start))
        wizard.update(.key(.enter))
        wizard.update(.response(.credentialsVerified(.success(Done()))))
        return wizard
    }

    func loaded() -> RecoverWizard {
        var wizard = connected()
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: Self.instances, totalCount: 3, nextPageToken: nil)))))
        return wizard
    }

    func detail(revealed: Bool = false) -> RecoverWizard {
        var wizard = loaded()
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(Self.instances[0]))))
        if revealed { wizard.update(.key(.control("r"))) }
        return wizard
    }

    func render(_ wizard: RecoverWizard) -> CellBuffer {
        RecoverView(theme: .color).render(wizard, width: 80, height: 24)
    }

    @Test func connection() {
        var wizard = RecoverWizard(configuration: WizardConfiguration(oauthState: "state-1234"))
        wizard.update(.tick(ScreenFixtures.start))
        assertSnapshot(render(wizard), named: "recover-connection")
    }

    @Test func loading() {
        var wizard = connected()
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: Array(Self.instances.prefix(2)), totalCount: 3, nextPageToken: "next")))))
        assertSnapshot(render(wizard), named: "recover-loading")
    }

    @Test func table() { assertSnapshot(render(loaded()), named: "recover-instances") }

    @Test func filtered() {
        var wizard = loaded()
        for character in "team-" { wizard.update(.key(.character(character))) }
        wizard.update(.key(.down))
        assertSnapshot(render(wizard), named: "recover-filtered")
    }

    @Test func noMatch() {
        var wizard = loaded()
        for character in "zzz" { wizard.update(.key(.character(character))) }
        assertSnapshot(render(wizard), named: "recover-no-match")
    }

    @Test func empty() {
        var wizard = connected()
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: [], totalCount: 0, nextPageToken: nil)))))
        assertSnapshot(render(wizard), named: "recover-empty")
    }

    @Test func listingFailed() {
        var wizard = connected()
        wizard.update(.response(.instancesPage(.failure(.transport(.timedOut(seconds: 30))))))
        assertSnapshot(render(wizard), named: "recover-listing-failed")
    }

    @Test func detailMasked() { assertSnapshot(render(detail()), named: "recover-detail") }

    @Test func detailRevealed() { assertSnapshot(render(detail(revealed: true)), named: "recover-detail-token-revealed") }

    @Test func deleteConfirmation() {
        var wizard = detail()
        wizard.detailFocus = .delete
        wizard.update(.key(.enter))
        for character in "graph-cal" { wizard.update(.key(.character(character))) }
        assertSnapshot(render(wizard), named: "recover-delete-confirm")
    }

    @Test func detailError() {
        var wizard = detail()
        wizard.detailFocus = .reauthenticate
        wizard.update(.key(.enter))
        wizard.update(.key(.escape))
        wizard.detailFocus = .delete
        wizard.update(.key(.enter))
        for character in "graph-calendar-alice" { wizard.update(.key(.character(character))) }
        wizard.update(.key(.enter))
        let shown = wizard.detail
        // A 500 may come after the service acted: the instance is read again, and is still there.
        wizard.update(.response(.instanceDeleted(.failure(.api(APIFailure(status: 500, body: APIErrorBody(requestId: "abc123", message: "Internal error")))))))
        if let shown { wizard.update(.response(.instanceLoaded(.success(shown)))) }
        assertSnapshot(render(wizard), named: "recover-detail-error")
    }

    @Test func reauthenticate() {
        var wizard = detail()
        wizard.detailFocus = .reauthenticate
        wizard.update(.key(.enter))
        assertSnapshot(render(wizard), named: "recover-reauthenticate-azure-app")
    }
}
