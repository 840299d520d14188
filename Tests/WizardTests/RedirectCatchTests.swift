import OpenConnectors
import SystemPorts
import Testing
@testable import Wizard
import WizardScripting

/// A code long enough to pass the shape check.
private let caughtCode = "M.C507_BAY.2.U.abc123def456"
private let loopback = "http://127.0.0.1:8765/callback"

@Suite("Loopback callback: which URLs are caught, and the answer to each request")
struct RedirectCatchTests {
    @Test("localhost, 127.0.0.1 and [::1] over http are loopback callbacks; https and other hosts are not")
    func recognisesLoopbackCallbacks() {
        #expect(LoopbackCallback("http://localhost:8765/callback")?.endpoint == LoopbackEndpoint(address: "127.0.0.1", port: 8765))
        #expect(LoopbackCallback("http://127.0.0.1:8765/callback")?.path == "/callback")
        #expect(LoopbackCallback("http://[::1]:9000")?.endpoint == LoopbackEndpoint(address: "::1", port: 9000))
        #expect(LoopbackCallback("http://[::1]:9000")?.path == "/")
        #expect(LoopbackCallback("http://localhost")?.endpoint.port == 80)
        #expect(LoopbackCallback("https://localhost:8765/callback") == nil)
        #expect(LoopbackCallback("http://example.com/callback") == nil)
        #expect(LoopbackCallback("http://192.168.1.2:8765/callback") == nil)
    }

    private let callback = LoopbackCallback(loopback)!

    @Test("The code with the right state signs in and ends the listening")
    func rightStateSignsIn() {
        let (reply, caught) = RedirectCatch.answer(LoopbackRequest(method: "GET", target: "/callback?code=\(caughtCode)&state=\(testState)"),
                                                   callback: callback, expectedState: testState)
        #expect(reply.status == 200 && reply.ends)
        #expect(reply.html.contains("you can close this tab and go back to the terminal"))
        #expect(caught == .signedIn(url: "\(loopback)?code=\(caughtCode)&state=\(testState)"))
    }

    @Test("A localhost callback's redirect is rebuilt on localhost (it listens on 127.0.0.1), so the code passes the callback check")
    func localhostKeepsItsName() {
        let named = LoopbackCallback("http://localhost:8765/callback")!
        #expect(named.endpoint == LoopbackEndpoint(address: "127.0.0.1", port: 8765))
        let (_, caught) = RedirectCatch.answer(LoopbackRequest(method: "GET", target: "/callback?code=\(caughtCode)&state=\(testState)"),
                                               callback: named, expectedState: testState)
        let url = "http://localhost:8765/callback?code=\(caughtCode)&state=\(testState)"
        #expect(caught == .signedIn(url: url))
        var wizard = CreateWizard(configuration: WizardConfiguration(oauthState: testState))
        wizard.passConnection()
        wizard.fillAzureApp(callbackURL: "http://localhost:8765/callback")
        wizard.press(.tab, .enter)
        wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize?state=\(testState)", element: "microsoftgraph"))))
        wizard.receive(.redirectCaught(.signedIn(url: url)))
        #expect(wizard.step == .events, "the caught redirect did not pass the callback check: \(String(describing: wizard.banner))")
        #expect(LoopbackCallback("http://[::1]:9000/cb")!.origin == "http://[::1]:9000")
        #expect(LoopbackCallback("http://localhost/cb")!.origin == "http://localhost")
    }

    @Test("Another path gets 404, a wrong or missing state 400; neither reaches the flow")
    func wrongPathOrState() {
        let elsewhere = RedirectCatch.answer(LoopbackRequest(method: "GET", target: "/favicon.ico"), callback: callback, expectedState: testState)
        #expect(elsewhere.reply.status == 404 && !elsewhere.reply.ends && elsewhere.caught == nil)
        let wrong = RedirectCatch.answer(LoopbackRequest(method: "GET", target: "/callback?code=\(caughtCode)&state=other"), callback: callback, expectedState: testState)
        #expect(wrong.reply.status == 400 && !wrong.reply.ends && wrong.caught == nil)
        let missing = RedirectCatch.answer(LoopbackRequest(method: "GET", target: "/callback?code=\(caughtCode)"), callback: callback, expectedState: testState)
        #expect(missing.reply.status == 400 && missing.caught == nil)
    }

    @Test("error=… shows Microsoft's message, escaped, and keeps listening for another try")
    func providerError() {
        let target = "/callback?error=access_denied&error_description=%3Cb%3Eno%3C%2Fb%3E&state=\(testState)"
        let (reply, caught) = RedirectCatch.answer(LoopbackRequest(method: "GET", target: target), callback: callback, expectedState: testState)
        #expect(reply.status == 400 && !reply.ends)
        #expect(reply.html.contains("access_denied") && reply.html.contains("&lt;b&gt;no&lt;/b&gt;") && !reply.html.contains("<b>no"))
        #expect(caught == .refused(.providerError(error: "access_denied", description: "<b>no</b>")))
    }
}

@Suite("Sign-in on a loopback callback: the flow listens, and goes on by itself")
struct LoopbackSignInFlowTests {
    /// A wizard on the Authorize step with a loopback callback and the sign-in URL on hand; returns the effects of that URL's arrival.
    private func onAuthorize(_ wizard: inout CreateWizard) -> [Effect] {
        wizard.passConnection()
        wizard.fillAzureApp(callbackURL: loopback)
        wizard.press(.tab, .enter)
        return wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/authorize?state=\(testState)", element: "microsoftgraph"))))
    }

    @Test("Once the sign-in URL is on hand the step listens on the callback's address with its state; Enter opens the browser")
    func listensOnceTheURLIsKnown() {
        var wizard = freshWizard()
        let effects = onAuthorize(&wizard)
        #expect(effects == [.listenForRedirect(LoopbackCallback(loopback)!, expectedState: testState)])
        wizard.receive(.redirectListening(.success(Done())))
        #expect(wizard.journey.intro.text.contains("waits for the browser to come back to \(loopback)"))
        #expect(wizard.press(.enter) == [.openBrowser(url: "https://login.example/authorize?state=\(testState)")])
    }

    @Test("The browser's redirect fills the code and goes past the grant code to Events")
    func caughtRedirectGoesOn() {
        var wizard = freshWizard()
        _ = onAuthorize(&wizard)
        wizard.receive(.redirectListening(.success(Done())))
        let url = "\(loopback)?code=\(caughtCode)&state=\(testState)"
        let effects = wizard.receive(.redirectCaught(.signedIn(url: url)))
        #expect(wizard.step == .events)
        #expect(wizard.form[.code] == url)
        // The listener stopped by itself after answering; leaving does not stop it twice.
        #expect(!effects.contains(.stopListening))
        #expect(wizard.journey.state.redirectListener == nil)
    }

    @Test("The redirect also counts while the user is on the Grant code step")
    func caughtOnGrantCode() {
        var wizard = freshWizard()
        _ = onAuthorize(&wizard)
        #expect(!wizard.press(.pageDown).contains(.stopListening))
        #expect(wizard.step == .grantCode)
        wizard.receive(.redirectCaught(.signedIn(url: "\(loopback)?code=\(caughtCode)&state=\(testState)")))
        #expect(wizard.step == .events)
    }

    @Test("Microsoft's refusal is shown and changes no step; a port in use is named")
    func refusalAndPortInUse() {
        var wizard = freshWizard()
        _ = onAuthorize(&wizard)
        wizard.receive(.redirectListening(.failure(.portInUse(port: 8765))))
        #expect(wizard.banner?.lines.first?.contains("Port 8765 is already in use") == true)
        wizard.receive(.redirectCaught(.refused(.providerError(error: "access_denied", description: nil))))
        #expect(wizard.step == .authorize)
        #expect(wizard.banner?.lines.first?.contains("access_denied") == true)
    }

    @Test("Leaving the sign-in steps stops the listener")
    func leavingStops() {
        var wizard = freshWizard()
        _ = onAuthorize(&wizard)
        let effects = wizard.press(.pageUp)
        #expect(wizard.step == .azureApp)
        #expect(effects.contains(.stopListening))
        #expect(wizard.journey.state.redirectListener == nil)
    }

    @Test("Over SSH the step gives the exact ssh -L line")
    func sshAdvice() {
        var wizard = CreateWizard(configuration: WizardConfiguration(oauthState: testState, sshHost: "10.0.0.5"))
        _ = onAuthorize(&wizard)
        wizard.receive(.redirectListening(.success(Done())))
        #expect(wizard.journey.intro.text.contains("ssh -L 8765:localhost:8765 10.0.0.5"))
    }
}

@Suite("Azure app step: a loopback callback on offer")
struct LoopbackCallbackOfferTests {
    @Test("Use a loopback callback fills the suggested URL, says where to register it, and then is no longer offered")
    func offersLoopback() {
        var wizard = freshWizard()
        wizard.passConnection()
        wizard.fillAzureApp()
        #expect(wizard.journey.actions == [.useLoopbackCallback, .next])
        wizard.focus = .action(.useLoopbackCallback)
        #expect(wizard.press(.enter).isEmpty)
        #expect(wizard.form[.callbackURL] == "http://localhost:8765/callback")
        #expect(wizard.notice?.contains("Authentication > Add a platform > Web") == true)
        #expect(wizard.journey.actions == [.next])
    }

    @Test("F1 on the callback URL explains the loopback redirect URI")
    func helpExplainsLoopback() {
        #expect(ParameterTable[.callbackURL].help.contains("add http://localhost:8765/callback as a Web redirect URI in the Azure portal"))
    }
}
