import LineUI
import OpenConnectors
import Testing
import Wizard

@Suite("Line driver: recover as plain prompts")
struct LineRecoverTests {
    private static let first = Instance(id: 11, name: "calendar-alice", token: "TOKEN-ALICE-0123456789", tags: ["team-a"],
                                        configuration: ["oauth.callback.url": "https://localhost/ocwizard/callback", "oauth.api.key": "********"])
    private static let second = Instance(id: 12, name: "calendar-bob", token: "TOKEN-BOB-0123456789", tags: ["team-b"])
    private static let renewed = Instance(id: 11, name: "calendar-alice", token: "TOKEN-ALICE-RENEWED-42", tags: ["team-a"])

    private func service(reauthentications: [Result<Instance, OpenConnectorsError>] = [.success(renewed)],
                         listing: Result<InstancePage, OpenConnectorsError>? = nil) -> ScriptedPerformer {
        ScriptedPerformer { effect, earlier in
            switch effect {
            case .verifyCredentials: return [.credentialsVerified(.success(Done()))]
            case .listInstances:
                if let listing, earlier == 0 { return [.instancesPage(listing)] }
                return [.instancesPage(.success(InstancePage(instances: [Self.first, Self.second])))]
            case .loadInstance(_, _, let id): return [.instanceLoaded(.success(id == 11 ? Self.first : Self.second))]
            case .fetchAuthorizationURL: return [.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph")))]
            case .reauthenticate: return [.instanceReauthenticated(reauthentications[min(earlier, reauthentications.count - 1)])]
            default: return []
            }
        }
    }

    private let configuration = WizardConfiguration(prefill: connectionForm().values, oauthState: testState)

    @Test("Filter, open, show the token on request, quit")
    func findToken() async {
        let io = ScriptedLineIO(answers: ["", "user-secret", "org-secret", "bob", "1", "", "quit"])
        let outcome = await LineRecover(io: io, performer: service(), configuration: configuration).run()
        #expect(outcome == .finished)
        #expect(io.output.contains("1 of 2 instances match “bob”"))
        #expect(io.output.contains("token: TOKEN-BOB-0123456789"))
        #expect(!io.output.contains("TOKEN-ALICE"), "only the token asked for is printed")
    }

    @Test("Re-authenticate: the sign-in-again journey, then the PUT with the new code; a used code signs in again")
    func reauthenticate() async {
        let used = OpenConnectorsError.api(APIFailure(status: 400, body: APIErrorBody(requestId: nil, message: "Provider error: AADSTS54005: OAuth2 Authorization code was already redeemed")))
        let performer = service(reauthentications: [.failure(used), .success(Self.renewed)])
        let io = ScriptedLineIO(answers: [
            "", "user-secret", "org-secret", "1",
            "re",                                                              // detail: re-authenticate
            "0f5e4a1c-1111-2222-3333-444455556666", "client~secret~value", "", "", // Azure app: id, secret, callback and scope kept
            "", redirect(),                                                    // authorize, grant code
            "", redirect(code: "M.C507_BAY.2.U.second-code"),                  // after the used code: sign in again
            "quit",
        ])
        let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
        #expect(outcome == .finished, "\(io.output)")
        let puts = performer.effects.compactMap { effect -> ReauthenticationRequest? in
            if case .reauthenticate(let request) = effect { return request }
            return nil
        }
        #expect(puts.map(\.code) == ["M.C507_BAY.2.U.abc123", "M.C507_BAY.2.U.second-code"])
        #expect(puts.last?.apiSecret == "client~secret~value", "the client secret typed once is kept for the second try")
        #expect(puts.last?.callbackURL == "https://localhost/ocwizard/callback")
        #expect(io.output.contains("The token changed"))
    }

    @Test("Re-authentication whose answer is lost: the instance is read again, once PUT, no new sign-in", arguments: [true, false])
    func reauthenticationAnswerLost(applied: Bool) async {
        let lost = OpenConnectorsError.transport(.answerLost(.connectionLost(detail: "Empty reply from server")))
        let performer = ScriptedPerformer { effect, earlier in
            switch effect {
            case .verifyCredentials: return [.credentialsVerified(.success(Done()))]
            case .listInstances: return [.instancesPage(.success(InstancePage(instances: [Self.first, Self.second])))]
            case .loadInstance: return [.instanceLoaded(.success(earlier > 0 && applied ? Self.renewed : Self.first))]
            case .fetchAuthorizationURL: return [.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph")))]
            case .reauthenticate: return [.instanceReauthenticated(.failure(lost))]
            default: return []
            }
        }
        let io = ScriptedLineIO(answers: [
            "", "user-secret", "org-secret", "1", "re",
            "0f5e4a1c-1111-2222-3333-444455556666", "client~secret~value", "", "",
            "", redirect(),
            "quit",
        ])
        let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
        #expect(outcome == .finished, "\(io.output)")
        #expect(performer.effects.filter { $0.kind == "reauthenticate" }.count == 1)
        #expect(io.output.contains("Reading the instance again…"))
        if applied {
            #expect(io.output.contains("✓ Re-authenticated: the instance, read again, has a new token"), "\(io.output)")
        } else {
            #expect(io.output.contains("may or may not have been applied"), "\(io.output)")
        }
    }

    @Test("A Delete whose answer is lost: the instance is read again; gone means deleted, there means not", arguments: [true, false])
    func deleteAnswerLost(deleted: Bool) async {
        let lost = OpenConnectorsError.transport(.answerLost(.timedOut(seconds: 30)))
        let performer = ScriptedPerformer { effect, earlier in
            switch effect {
            case .verifyCredentials: return [.credentialsVerified(.success(Done()))]
            case .listInstances: return [.instancesPage(.success(InstancePage(instances: [Self.first, Self.second])))]
            case .loadInstance:
                // The first read opens the detail; the second follows the lost answer.
                if earlier > 0 && deleted { return [.instanceLoaded(.failure(.api(APIFailure(status: 404, body: nil))))] }
                return [.instanceLoaded(.success(Self.first))]
            case .deleteInstance: return [.instanceDeleted(.failure(lost))]
            default: return []
            }
        }
        let io = ScriptedLineIO(answers: ["", "user-secret", "org-secret", "1", "delete", "calendar-alice"] + (deleted ? ["q"] : ["quit"]))
        let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
        #expect(outcome == .finished, "\(io.output)")
        #expect(performer.effects.filter { $0.kind == "deleteInstance" }.count == 1, "never sent twice")
        #expect(performer.effects.filter { $0.kind == "loadInstance" }.count == 2)
        #expect(io.output.contains("its answer was lost"), "\(io.output)")
        if deleted {
            #expect(io.output.contains("✓ Deleted: the instance, read again, is gone"), "\(io.output)")
            #expect(io.output.contains("1 of 1 instance:"), "back on the list, without it: \(io.output)")
        } else {
            #expect(io.output.contains("it was not deleted"), "\(io.output)")
        }
    }

    @Test("A 401 while listing asks for the secrets again with them kept")
    func unauthorized() async {
        let refused = OpenConnectorsError.api(APIFailure(status: 401, body: nil))
        let io = ScriptedLineIO(answers: ["", "user-secret", "org-secret", "", "", "", "q"])
        let performer = service(listing: .failure(refused))
        let outcome = await LineRecover(io: io, performer: performer, configuration: configuration).run()
        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("refused the user or organization secret"))
        #expect(performer.effects.filter { $0.kind == "listInstances" }.count == 2)
    }
}
