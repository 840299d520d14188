import CurlTransport
import Glibc
import OpenConnectors
import Synchronization
import SystemPorts
import SystemTesting
import Testing
import Wizard
@testable import OCWizardCLI


@Suite("Loopback sign-in against the sandbox, over real sockets")
struct LoopbackSignInTests {
    @Test("The sandbox's consent page redirects to the wizard's listener, which catches the code and the journey goes on to Events")
    func wholeLoop() async throws {
        let sandbox = try await TestSandbox.start()
        let callback = "http://127.0.0.1:\(freeLoopbackPort())/callback"
        var form = InstanceForm()
        form[.baseURL] = sandbox.baseURL
        form[.userSecret] = TestSandbox.userSecret
        form[.organizationSecret] = TestSandbox.organizationSecret
        form[.apiKey] = TestSandbox.clientID
        form[.apiSecret] = TestSandbox.clientSecret
        form[.callbackURL] = callback
        var journey = Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: "loop-state"), form: form)
        let performer = LiveEffects(transport: CurlTransport(), ports: InMemoryPorts().ports)

        // Authorize: the sign-in URL, then the listener on the callback's address.
        let fetch = journey.show(.authorize)
        var listen: [Effect] = []
        for effect in fetch { for result in await performer.results(of: effect) { listen += journey.receive(result) } }
        #expect(listen == [.listenForRedirect(LoopbackCallback(callback)!, expectedState: "loop-state")])
        let oauthURL = try #require(journey.state.authorization?.url)
        let reported = Mutex<[EffectResult]>([])
        let listening = Task { await performer.perform(listen[0]) { result in reported.withLock { $0.append(result) } } }
        let deadline = ContinuousClock.now + .seconds(20)
        while reported.withLock({ $0.isEmpty }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(reported.withLock { $0 } == [.redirectListening(.success(Done()))])

        // A refusal first (the user pressed Cancel on the consent page): the listener says why and stays.
        let browser = CurlTransport()
        let refused = try await browser.send(HTTPRequest(method: "GET", url: callback + "?error=access_denied&error_description=The+user+declined.&state=loop-state"))
        #expect(refused.status == 400)
        #expect(String(decoding: refused.body, as: UTF8.self).contains("The user declined."))

        // The browser: the consent page answers with a redirect, followed to the listener.
        let consent = try await browser.send(HTTPRequest(method: "GET", url: oauthURL))
        #expect(consent.status == 302)
        let location = try #require(consent.header("Location"))
        #expect(location.hasPrefix(callback + "?code="))
        let landing = try await browser.send(HTTPRequest(method: "GET", url: location))
        #expect(landing.status == 200)
        #expect(String(decoding: landing.body, as: UTF8.self).contains("you can close this tab and go back to the terminal"))

        // The listener stopped by itself after the code: a second redirect finds nobody there.
        await listening.value
        await #expect(throws: (any Error).self) { try await browser.send(HTTPRequest(method: "GET", url: location)) }
        // The journey showed the refusal, then went past the grant code with the code.
        for result in reported.withLock({ $0 }).dropFirst() { _ = journey.receive(result) }
        #expect(journey.state.step == .events)
        #expect(journey.state.form[.code] == location)
        // A late second catch (another tab) changes nothing once the step is passed.
        _ = journey.receive(.redirectCaught(.signedIn(url: callback + "?code=0.Aother-code-0123456789abcdef&state=loop-state")))
        #expect(journey.state.step == .events && journey.state.form[.code] == location)
        #expect(GrantCode.parse(location, expectedState: "loop-state").map(\.state) == .success("loop-state"))
        await sandbox.server.stop()
    }
}
