import Foundation
import LineUI
import OpenConnectors
import Synchronization
import Testing
import Wizard

/// An in-memory service with the sandbox's rules for what matters here: a create uses its code
/// up and stores the instance, a used code is refused, and answers can be lost.
final class LossyService: EffectPerformer {
    /// What happens to the answer of the next creates, in order (then answers come back whole).
    struct Loss: Sendable {
        /// How the answer is lost.
        var cause: OpenConnectorsError
        /// Whether the service created the instance before the answer was lost.
        var created: Bool
    }

    private struct Store {
        var instances: [Instance] = []
        var usedCodes: Set<String> = []
        var losses: [Loss]
        var lookupFailures: Int
    }

    private let store: Mutex<Store>

    /// A service that loses the answers of the first creates as `losses` say and fails the first
    /// `lookupFailures` look-ups.
    init(losses: [Loss], lookupFailures: Int = 0) {
        store = Mutex(Store(losses: losses, lookupFailures: lookupFailures))
    }

    /// The instances the service holds.
    var instances: [Instance] { store.withLock { $0.instances } }

    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async {
        switch effect {
        case .createInstance(_, _, let body):
            emit(.instanceCreated(create(body)))
        case .findInstances(_, _, let lookup):
            let failed = store.withLock { state in
                defer { state.lookupFailures -= 1 }
                return state.lookupFailures > 0
            }
            emit(.instancesFound(failed ? .failure(.transport(.connectionLost(detail: "Recv failure: Connection reset by peer")))
                                        : .success(lookup.matches(in: instances, now: Date()))))
        default:
            for result in happyService().resultsNow(effect) { emit(result) }
        }
    }

    private func create(_ body: JSONValue) -> Result<Instance, OpenConnectorsError> {
        store.withLock { state in
            let code = body["providerData"]?["code"]?.stringValue ?? ""
            let loss = state.losses.isEmpty ? nil : state.losses.removeFirst()
            if loss.map({ !$0.created }) ?? false { return .failure(loss!.cause) }
            guard state.usedCodes.insert(code).inserted else {
                return .failure(.api(APIFailure(status: 400, body: APIErrorBody(requestId: nil, message: "Bad code",
                                                                                providerMessage: "invalid_grant: AADSTS54005: already redeemed"))))
            }
            let tags: [String] = if case .array(let values)? = body["tags"] { values.compactMap(\.stringValue) } else { [] }
            let instance = Instance(id: 5001 + state.instances.count, name: body["name"]?.stringValue ?? "", token: Secret("token-\(state.instances.count)"),
                                    element: ElementSummary(key: "microsoftgraph"), tags: tags,
                                    createdDate: Date().formatted(.iso8601))
            state.instances.append(instance)
            return loss.map { .failure($0.cause) } ?? .success(instance)
        }
    }
}

@Suite("Line driver: lost answers")
struct LostAnswerLineTests {
    static let causes: [OpenConnectorsError] = [
        .transport(.answerLost(.connectionLost(detail: "transfer closed with 120 bytes remaining to read"))),
        .transport(.answerLost(.connectionLost(detail: "Empty reply from server"))),
        .transport(.answerLost(.timedOut(seconds: 30))),
        .unexpectedBody(status: 200, detail: "not valid JSON"),
        .api(APIFailure(status: 502, body: nil)),
    ]

    private func journey() -> Journey {
        Journey(steps: CreateJourney.steps, options: JourneyOptions(oauthState: testState), form: connectionForm())
    }

    @Test("Created, answer lost: found and shown with its id; one instance", arguments: causes)
    func found(cause: OpenConnectorsError) async {
        let service = LossyService(losses: [.init(cause: cause, created: true)])
        let io = ScriptedLineIO(answers: happyAnswers)
        var journey = journey()

        let outcome = await LineDriver(io: io, performer: service).run(&journey)

        #expect(outcome == .finished, "\(io.output)")
        #expect(service.instances.count == 1)
        #expect(io.output.contains("found it: the instance was created (id 5001)"), "\(io.output)")
        #expect(io.output.contains("✓ Instance created: id 5001"))
        #expect(!io.output.contains("not created"))
    }

    @Test("Not created, answer lost: 'found none', then the new sign-in creates exactly one", arguments: causes)
    func foundNoneThenSignIn(cause: OpenConnectorsError) async {
        let service = LossyService(losses: [.init(cause: cause, created: false)])
        var answers = Array(happyAnswers.dropLast())    // up to Submit
        answers += ["", "", redirect(code: "M.C507_BAY.2.U.second"), "", "", "", "", "n"]  // Back to Authorize, Next, new code, events, name, tags, submit, token
        let io = ScriptedLineIO(answers: answers)
        var journey = journey()

        let outcome = await LineDriver(io: io, performer: service).run(&journey)

        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("found none: it was not created"), "\(io.output)")
        #expect(!io.output.contains("retry"))
        #expect(service.instances.count == 1)
        #expect(io.output.contains("✓ Instance created: id 5001"))
    }

    @Test("The look-up fails: 'may exist', how to check, no retry; Look again finds the one instance", arguments: causes)
    func lookupFailsThenLookAgain(cause: OpenConnectorsError) async {
        // Review's same-name check and the first look-up fail.
        let service = LossyService(losses: [.init(cause: cause, created: true)], lookupFailures: 2)
        let answers = Array(happyAnswers.dropLast()) + ["", "n"]   // Enter: Look again; token not shown
        let io = ScriptedLineIO(answers: answers)
        var journey = journey()

        let outcome = await LineDriver(io: io, performer: service).run(&journey)

        #expect(outcome == .finished, "\(io.output)")
        #expect(io.output.contains("The instance may exist. Check before creating it again: ocwizard recover --name 'graph-calendar-alice'"), "\(io.output)")
        #expect(io.output.contains("Enter: look again; or type quit"), "\(io.output)")
        #expect(service.instances.count == 1)
        #expect(io.output.contains("✓ Instance created: id 5001"))
    }
}
