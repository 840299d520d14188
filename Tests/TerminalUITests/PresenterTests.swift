import OpenConnectors
import Testing
@testable import TerminalUI
@testable import Wizard
import WizardScripting

/// The presenters: the one place the wizards' state becomes props. Secrets are masked there, so
/// no widget ever holds one; the recover table hands over only the rows in view.
@Suite("Presenters")
struct PresenterTests {
    static let secrets = ["sandbox-client-secret", "sandbox-user", "sandbox-org", "0123456789abcdef0123456789abcdef"]

    @Test("Hidden secrets are masked in the props, before any widget sees them")
    func secretsMaskedInProps() {
        var revealed = ScreenFixtures.azureApp()
        revealed.press(.tab, .control("r"))
        let screens = [ScreenFixtures.empty(), ScreenFixtures.sandbox(), ScreenFixtures.azureApp(), ScreenFixtures.grantCode(), ScreenFixtures.review()]
        for wizard in screens {
            let props = String(describing: CreatePresenter.frame(wizard))
            for secret in Self.secrets { #expect(!props.contains(secret), "\(wizard.step) props hold \(secret)") }
        }
        // Revealed on request: the presenter decides, not the widget.
        #expect(String(describing: CreatePresenter.frame(revealed)).contains("sandbox-client-secret"))
        let result = String(describing: CreatePresenter.frame(ScreenFixtures.resultSuccess()))
        #expect(!result.contains(ScreenFixtures.instance.token!.revealed))
    }

    @Test("The grant code found is shown with the fixed-length mask: a short and a long code look the same")
    func codeFoundHidesLength() throws {
        func found(_ code: String) throws -> String {
            var wizard = ScreenFixtures.authorizeReady()
            wizard.press(.pageDown)
            wizard.update(.paste("https://localhost/ocwizard/callback?code=\(code)&state=\(ScreenFixtures.state)"))
            return try #require(CreatePresenter.codeFound(wizard), "\(code) is found")
        }
        let short = try found("0.AXoA-abcdefghijklm")
        let long = try found(String(repeating: "0.AXoA-abcdefghij", count: 6))
        #expect(short == long, "the length shows: \(short) / \(long)")
        #expect(short == "Code found: \(Redaction.dots), state matches")
        #expect(!short.contains("20") && !long.contains("102"), "no length")
    }

    @Test("A hidden field keeps one dot per grapheme and its cursor")
    func maskedFieldKeepsCursor() {
        var wizard = ScreenFixtures.azureApp()
        wizard.focus = .field(.apiSecret)
        wizard.press(.control("u"))
        wizard.type("e\u{301}👍🏽x")
        wizard.press(.left)
        #expect(CreatePresenter.field(.apiSecret, wizard).value == .text("•••", cursor: 2))
    }

    @Test("The recover table gets only the rows in view, around the selection")
    func tableRowsInView() throws {
        var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.baseURL: "http://127.0.0.1:1/elements/api-v2"], oauthState: "s"))
        wizard.update(.tick(.now))
        wizard.screen = .instances
        wizard.listing = .loading(pages: 0, total: 5000)
        let instances = (1...5000).map { Instance(id: $0, name: "instance-\($0)", tags: [], valid: true, disabled: false) }
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: instances, totalCount: 5000, nextPageToken: nil)))))
        for _ in 0..<100 { wizard.update(.key(.down)) }
        let rows = InstanceTable.bodyRows(in: ScreenFrame.bodyHeight(screenHeight: 24))
        let props = RecoverPresenter.table(wizard, rows: rows)
        #expect(props.rows.count == rows && props.rowCount == 5000)
        let selected = try #require(props.selected)
        #expect(props.firstRow > 0 && props.firstRow <= selected && selected < props.firstRow + rows)
        #expect(props.rows[selected - props.firstRow].id == String(try #require(wizard.selectedInstance).id))
    }

    @Test("The review's body and curl command follow every edit of the form, though kept between frames")
    func reviewTextsFollowEdits() {
        var wizard = ScreenFixtures.review()
        let before = CreatePresenter.review(wizard)
        #expect(CreatePresenter.review(wizard) == before)
        wizard.form[.name] = "renamed-instance"
        let after = CreatePresenter.review(wizard)
        #expect(after.body.contains("renamed-instance") && after.curl.contains("renamed-instance"))
        #expect(!before.body.contains("renamed-instance"))
        #expect(after.body == ReviewRequestTexts.make(wizard.form).body && after.curl == ReviewRequestTexts.make(wizard.form).curl)
    }
}
