import OpenConnectors
import TerminalUI
import Testing
@testable import Wizard
import WizardScripting

@Suite("Rendering")
struct RenderingTests {
    @Test("Rendering never fails, whatever the size", arguments: [(0, 0), (1, 1), (5, 3), (79, 24), (80, 23), (80, 24), (300, 100)])
    func anySize(width: Int, height: Int) {
        for wizard in [ScreenFixtures.empty(), ScreenFixtures.review(), ScreenFixtures.resultSuccess()] {
            let buffer = WizardView(theme: .color).render(wizard, width: width, height: height)
            #expect(buffer.width == width && buffer.height == height)
        }
    }

    @Test("Every screen shows the title and the step indicator")
    func titleEverywhere() {
        let screens = [ScreenFixtures.empty(), ScreenFixtures.azureApp(), ScreenFixtures.authorizeReady(), ScreenFixtures.grantCode(),
                       ScreenFixtures.events(), ScreenFixtures.instanceStep(), ScreenFixtures.review(), ScreenFixtures.submitting(),
                       ScreenFixtures.resultSuccess()]
        for (index, wizard) in screens.enumerated() {
            let top = WizardView(theme: .color).render(wizard, width: 80, height: 24).textLines[0]
            #expect(top.contains("ocwizard"))
            #expect(top.contains("Step \(index + 1) of 9 · \(wizard.step.title)"))
        }
    }

    @Test("Wide characters take two cells and the text after them lines up")
    func wideCharacters() {
        var buffer = CellBuffer(width: 20, height: 1)
        buffer.write("日本x", column: 0, row: 0)
        #expect(buffer[0, 0].character == "日")
        #expect(buffer[1, 0].character == nil)
        #expect(buffer[2, 0].character == "本")
        #expect(buffer[4, 0].character == "x")
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🙂") == 2)
        // Overwriting half of a wide character blanks the other half.
        buffer.write("y", column: 1, row: 0)
        #expect(buffer[0, 0].character == " ")
    }

    @Test("A wide character that does not fit at the edge is not split")
    func wideAtEdge() {
        var buffer = CellBuffer(width: 3, height: 1)
        let used = buffer.write("ab日", column: 0, row: 0)
        #expect(used == 2)
        #expect(buffer.textLines == ["ab"])
    }

    @Test("Secrets are masked in every rendered frame unless revealed")
    func secretsMasked() {
        let frames = [ScreenFixtures.azureApp(), ScreenFixtures.review(), ScreenFixtures.resultSuccess()].map {
            WizardView(theme: .color).render($0, width: 120, height: 40).textLines.joined(separator: "\n")
        }
        for text in frames {
            #expect(!text.contains("sandbox-client-secret"))
            #expect(!text.contains("sandbox-user"))
            #expect(!text.contains("0123456789abcdef0123456789abcdef"))
            #expect(!text.contains(ScreenFixtures.instance.token!.revealed))
        }
    }

    @Test("The monochrome theme (NO_COLOR) uses no colour")
    func monochrome() {
        let buffer = WizardView(theme: .monochrome).render(ScreenFixtures.review(), width: 80, height: 24)
        #expect(buffer.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
    }

    @Test("A long value scrolls inside its field and keeps the cursor visible")
    func fieldScrolls() {
        var wizard = ScreenFixtures.azureApp()
        wizard.type(String(repeating: "x", count: 200))
        let buffer = WizardView(theme: .color).render(wizard, width: 80, height: 24)
        let cursor = try! #require(buffer.cursor)
        #expect(cursor.column < 80)
        #expect(buffer.textLines[cursor.row].contains("…"))
    }
}

@Suite("The last run's values on screen")
struct LastRunScreenTests {
    @Test("Values from the last run are marked [last run]; the focus starts on the first empty required field, then on Next once all are there")
    func marksAndFocus() {
        let prefill: [ParameterID: String] = [.baseURL: "https://oc.example.com/elements/api-v2", .apiKey: "0f5e4a1c-1111-2222-3333-444455556666",
                                              .callbackURL: "http://localhost:8765/callback", .scope: "offline_access User.Read"]
        let sources = Dictionary(uniqueKeysWithValues: prefill.keys.map { ($0, ValueSource.lastRun) })
        var wizard = CreateWizard(configuration: WizardConfiguration(prefill: prefill, prefillSources: sources, oauthState: "s"))
        #expect(wizard.focus == .field(.userSecret), "the host is there: typing starts at the user secret")
        let connection = WizardView(theme: .color).render(wizard, width: 100, height: 30).textLines
        #expect(connection.contains { $0.contains("https://oc.example.com/elements/api-v2") && $0.contains("[last run]") })
        #expect(!connection.contains { $0.contains("User secret") && $0.contains("[last run]") })
        wizard.type("user-secret")
        wizard.press(.tab)
        wizard.type("org-secret")
        wizard.press(.pageDown)
        wizard.receive(.credentialsVerified(.success(Done())))
        #expect(wizard.step == .azureApp)
        #expect(wizard.focus == .field(.apiSecret), "the client secret is the one value to type")
        let azure = WizardView(theme: .color).render(wizard, width: 100, height: 30).textLines
        #expect(azure.contains { $0.contains("Azure client ID") && $0.contains("[last run]") })
        #expect(azure.contains { $0.contains("OAuth callback URL") && $0.contains("[last run]") })
        // Changed, a value is this run's and loses its mark.
        wizard.press(.backTab)
        wizard.type("x")
        #expect(!WizardView(theme: .color).render(wizard, width: 100, height: 30).textLines.contains { $0.contains("Azure client ID") && $0.contains("[last run]") })
        #expect(wizard.source(of: .callbackURL) == .lastRun)
    }

    @Test("With every Azure app value pre-filled (make run), the step starts on Next")
    func sandboxAzureAppStartsOnNext() {
        var wizard = ScreenFixtures.sandbox()
        wizard.press(.enter)
        wizard.receive(.credentialsVerified(.success(Done())))
        #expect(wizard.step == .azureApp)
        #expect(wizard.focus == .action(.next))
    }
}
