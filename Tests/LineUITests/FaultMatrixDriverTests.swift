import LineUI
import OpenConnectors
import Testing
import TerminalUI
import Wizard

/// The fault matrix in the line and screen drivers, at the first call a person meets (the
/// connection check): each failure a transport or the service can give, as the transport tests
/// produce it over real sockets, is shown with a claim that names what happened and a next step
/// that fits that cause (and no advice meant for another cause), and every typed value is kept.
/// The batch driver's rows run the real binary (OCWizardCLITests, "Fault matrix: create --no-input").
@Suite("Fault matrix: line and screen drivers")
struct FaultMatrixDriverTests {
    /// One row: the failure, a phrase its claim must hold, and one its next step must hold.
    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let error: OpenConnectorsError
        let claim: String
        let nextStep: String
        var testDescription: String { name }
    }

    /// Advice that fits one cause only, and must not be given for any other.
    static let foreignAdvice = ["pass --cacert", "tag filter", "--timeout", "sign in again", "another name", "date and time", "https_proxy"]

    static let rows: [Row] = [
        Row(name: "connection refused", error: .transport(.connectionRefused(host: "127.0.0.1:1")),
            claim: "Could not connect to 127.0.0.1:1", nextStep: "Check the API base URL and port"),
        Row(name: "DNS failure", error: .transport(.hostNotFound(host: "api.example.invalid")),
            claim: "api.example.invalid could not be found", nextStep: "typos"),
        Row(name: "connect timeout or slow body", error: .transport(.timedOut(seconds: 30)),
            claim: "did not answer within 30 seconds", nextStep: "--timeout"),
        Row(name: "reset mid-body", error: .transport(.connectionLost(detail: "Recv failure: Connection reset by peer")),
            claim: "broke before the answer was complete", nextStep: "Try again"),
        Row(name: "redirect to another host", error: .transport(.redirected(status: 302, location: "https://elsewhere.example/x")),
            claim: "redirecting to https://elsewhere.example/x", nextStep: "Check the API base URL"),
        Row(name: "oversized body", error: .transport(.responseTooLarge(limitBytes: 16 * 1024 * 1024)),
            claim: "larger than 16 MiB", nextStep: "Check the API base URL"),
        Row(name: "untrusted certificate", error: .transport(.untrustedCertificate(detail: "SSL certificate problem: self-signed certificate")),
            claim: "not trusted", nextStep: "pass --cacert"),
        Row(name: "wrong-name certificate", error: .transport(.hostnameMismatch(detail: "no alternative certificate subject name matches")),
            claim: "for another host name", nextStep: "host name the certificate was issued for"),
        Row(name: "expired certificate", error: .transport(.expiredCertificate(detail: "SSL certificate problem: certificate has expired")),
            claim: "expired or not yet valid", nextStep: "date and time"),
        Row(name: "401", error: .api(APIFailure(status: 401, body: APIErrorBody(requestId: "r1", message: "Invalid Organization or User secret"))),
            claim: "refused the user or organization secret (401)", nextStep: "Copy the user and organization secrets again"),
        Row(name: "404", error: .api(APIFailure(status: 404, body: APIErrorBody(message: "No resource found at /x."))),
            claim: "could not find it (404)", nextStep: "Check the API base URL (it ends in /elements/api-v2)"),
        Row(name: "5xx", error: .api(APIFailure(status: 500, body: APIErrorBody(requestId: "r5", message: "boom"))),
            claim: "internal error (500)", nextStep: "request id"),
        Row(name: "503", error: .api(APIFailure(status: 503, body: nil)),
            claim: "unavailable or overloaded right now (503)", nextStep: "your values need no change"),
        Row(name: "malformed JSON", error: .unexpectedBody(status: 200, detail: "not valid JSON"),
            claim: "a body ocwizard cannot read (not valid JSON)", nextStep: "points at Open Connectors"),
    ]

    private func form() -> InstanceForm { filledConnectionForm() }

    /// A service whose connection check fails once with `error`, then succeeds.
    private func service(failingWith error: OpenConnectorsError) -> ScriptedPerformer {
        ScriptedPerformer { effect, earlier in
            guard case .verifyCredentials = effect else { return [] }
            return [.credentialsVerified(earlier == 0 ? .failure(error) : .success(Done()))]
        }
    }

    /// Advice about an instance id, which the connection check never has.
    static let idAdvice = ["check the instance id", "and the instance id"]

    /// Checks the claim, the next step and the absence of foreign advice in `text`.
    private func checkMessage(_ text: String, _ row: Row, _ driver: String) {
        #expect(text.contains(row.claim), "\(driver): the claim \(row.claim): \(text)")
        #expect(text.contains(row.nextStep), "\(driver): the next step \(row.nextStep): \(text)")
        for advice in Self.idAdvice { #expect(!text.contains(advice), "\(driver): the connection check has no instance id: \(text)") }
        for advice in Self.foreignAdvice where !row.nextStep.contains(advice) {
            #expect(!text.contains(advice), "\(driver): advice for another cause (\(advice)): \(text)")
        }
    }

    @Test("Line driver: the message, then the same values tried again", arguments: rows)
    func line(_ row: Row) async {
        let service = service(failingWith: row.error)
        // Enter keeps each value shown; after the failure the step is asked again and Enter keeps them again.
        let io = ScriptedLineIO(answers: Array(repeating: "", count: 12))
        var journey = Journey(steps: [ConnectionStep()], options: JourneyOptions(oauthState: testState), form: form())
        _ = await LineDriver(io: io, performer: service).run(&journey)
        checkMessage(io.output, row, "line")
        let verifies = service.effects.compactMap { effect -> Credentials? in
            if case .verifyCredentials(_, let credentials) = effect { return credentials }
            return nil
        }
        #expect(verifies.count >= 2, "the check is made again after the failure: \(io.output)")
        #expect(verifies.allSatisfy { $0 == Credentials(userSecret: "user-secret", organizationSecret: "org-secret") }, "the typed secrets are kept")
        #expect(journey.state.form[.baseURL] == form()[.baseURL])
    }

    @Test("Screen driver: the banner and the screen, with every value kept", arguments: rows)
    func screen(_ row: Row) {
        var wizard = CreateWizard(configuration: WizardConfiguration(prefill: form().values, oauthState: testState), steps: [ConnectionStep()])
        let effects = wizard.update(.key(.enter))
        #expect(effects.count == 1, "Enter on Next checks the connection")
        wizard.update(.response(.credentialsVerified(.failure(row.error))))
        // A failure is a banner over the step, or (a refused secret) messages on the fields concerned.
        let banner = wizard.journey.state.banner
        let fieldMessages = ConnectionStep().checked.flatMap { wizard.problems(for: $0) }.filter { $0.severity == .error }.map(\.message)
        #expect(banner?.tone == .error || !fieldMessages.isEmpty)
        checkMessage(((banner?.lines ?? []) + fieldMessages).joined(separator: "\n"), row, "screen")
        let screen = WizardView(theme: .monochrome).render(wizard, width: 100, height: 30).textLines.joined(separator: " ")
        let words = row.claim.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(screen.contains(words), "the banner is on the screen: \(screen)")
        for id in [ParameterID.baseURL, .userSecret, .organizationSecret] { #expect(wizard.form[id] == form()[id], "\(id) kept") }
    }
}
