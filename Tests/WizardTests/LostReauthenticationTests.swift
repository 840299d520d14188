import OpenConnectors
import Testing
@testable import Wizard

/// A re-authentication whose answer was lost: the instance is read again and compared; the
/// sign-in is never re-opened with the spent code.
@Suite("Recover: a lost re-authentication answer")
struct LostReauthenticationTests {
    /// A recover wizard that has just sent the re-authenticating PUT for instance 1001.
    private func sentReauthentication() -> RecoverWizard {
        var wizard = loadedRecover(3)
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(1)[0]))))
        wizard.detailFocus = .reauthenticate
        wizard.update(.key(.enter))
        for character in testClientID { wizard.update(.key(.character(character))) }
        wizard.update(.key(.tab))
        for character in "secret" { wizard.update(.key(.character(character))) }
        wizard.update(.key(.pageDown))
        wizard.update(.response(.authorizationURL(.success(OAuthRedirect(oauthUrl: "https://login.example/a", element: "microsoftgraph")))))
        wizard.update(.key(.pageDown))
        wizard.update(.paste(redirect(to: "https://localhost/cb")))
        wizard.update(.key(.pageDown))
        return wizard
    }

    static let causes: [OpenConnectorsError] = [
        .transport(.answerLost(.connectionLost(detail: "Empty reply from server"))),
        .transport(.answerLost(.timedOut(seconds: 30))),
        .transport(.answerLost(.cancelled)),
        .unexpectedBody(status: 200, detail: "not valid JSON"),
    ]

    @Test("The instance is read again; a new token means it went through", arguments: causes)
    func appliedAfterAll(cause: OpenConnectorsError) {
        var wizard = sentReauthentication()
        let effects = wizard.update(.response(.instanceReauthenticated(.failure(cause))))
        #expect(effects == [.loadInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Credentials(userSecret: "u", organizationSecret: "o"), id: 1001)])
        #expect(wizard.screen == .detail)
        #expect(wizard.signInJourney == nil, "no sign-in re-opened with the spent code")

        var renewed = sampleInstances(1)[0]
        renewed.token = "new-token"
        wizard.update(.response(.instanceLoaded(.success(renewed))))
        #expect(wizard.detail?.token == "new-token")
        #expect(wizard.banner?.tone == .success)
        #expect(wizard.banner?.lines.first?.hasPrefix("✓ Re-authenticated") == true)
    }

    @Test("The same token: the outcome is unknown and said so")
    func unknown() {
        var wizard = sentReauthentication()
        wizard.update(.response(.instanceReauthenticated(.failure(.transport(.answerLost(.timedOut(seconds: 30)))))))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(1)[0]))))
        #expect(wizard.banner?.tone == .warning)
        #expect(wizard.banner?.lines.contains { $0.contains("may or may not have been applied") } == true)
    }

    @Test("Reading again fails too: how to check, and nothing is sent again")
    func rereadFails() {
        var wizard = sentReauthentication()
        wizard.update(.response(.instanceReauthenticated(.failure(.transport(.answerLost(.timedOut(seconds: 30)))))))
        let effects = wizard.update(.response(.instanceLoaded(.failure(.transport(.connectionRefused(host: "api.example:443"))))))
        #expect(effects.isEmpty)
        #expect(wizard.banner?.lines.last == "Check it before re-authenticating again: ocwizard recover --id 1001")
    }
}
