import ArgumentParser
import CurlTransport
import FoundationEssentials
import OpenConnectors
import WebhookSigning

/// `ocwizard events send-test`: sends a signed sample notification to a receiver, as the platform would.
struct EventsSendTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send a signed sample notification to a webhook receiver and say what its answer means.",
        discussion: """
            The body is a sample in the documented envelope ({"message": {"eventId", "events": […]}}), \
            signed with the key (OC_SIGNATURE_KEY or --secrets-file) in Elements-Webhook-Signature, \
            with an Elements-Webhook-Id. Exit status: 0 the receiver answered 2xx quickly; 1 it answered \
            slowly or not 2xx (the platform would retry, then deactivate); 2 invalid input; 4 no answer.

            Example:
              ocwizard events send-test --url http://127.0.0.1:8787/events
            """
    )

    @Option(help: ArgumentHelp("The receiver: the instance's events callback URL (http or https).", valueName: "url"))
    var url: String

    @Option(name: .customLong("instance-id"), help: ArgumentHelp("The instance id the sample names.", valueName: "id"))
    var instanceId: Int?

    @Option(help: ArgumentHelp("Seconds to wait for the answer.", valueName: "seconds"))
    var timeout: Int = 15

    @Option(name: .customLong("slow-after"), help: ArgumentHelp("Milliseconds after which a 2xx answer counts as slow.", valueName: "ms"))
    var slowAfter: Int = Int(TestDelivery.milliseconds(TestDelivery.defaultSlowAfter))

    @Option(help: ArgumentHelp("A PEM file of CA certificates to trust for an https receiver.", valueName: "file"), completion: .file())
    var cacert: String?

    @OptionGroup var keyOptions: SignatureKeyOptions

    func validate() throws {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), url.count > 8 else {
            throw ValidationError("--url: \(url) is not an http or https address; give the receiver's URL, such as http://127.0.0.1:8787/events.")
        }
        guard (1...86_400).contains(timeout) else { throw ValidationError("--timeout: give 1–86400 seconds.") }
        guard slowAfter >= 0 else { throw ValidationError("--slow-after: give 0 or more milliseconds.") }
    }

    func run() async throws {
        throw ExitCode(await run(ports: Composition.live()).rawValue)
    }

    /// Builds, signs, sends and reports through `ports`; returns the exit status.
    func run(ports: Ports) async -> ExitStatus {
        let console = ports.terminal
        guard let key = keyOptions.keyOrReport(ports: ports) else { return .invalidInput }
        let delivery = TestDelivery(url: url, key: key, instanceId: instanceId, slowAfter: .milliseconds(slowAfter))
        let eventId = TestDelivery.newEventId(random: ports.random)
        console.printError("Sending a signed test notification (event \(eventId)) to \(Redaction.url(url)) …")
        let transport = CurlTransport(options: CurlTransportOptions(totalTimeout: .seconds(timeout), caFile: cacert))
        let outcome: TestDelivery.Outcome
        do { outcome = try await delivery.deliver(eventId: eventId, through: transport) } catch {
            console.printError("ocwizard: \(error.reason)")
            return .failure
        }
        for line in delivery.report(outcome) { console.printOutput(line) }
        if case .failed = outcome { return .networkFailure }
        return delivery.isGood(outcome) ? .success : .failure
    }
}
