import ArgumentParser
import OpenConnectors
import WebhookSigning

/// `ocwizard events verify`: checks an `Elements-Webhook-Signature` against a body and the key.
struct EventsVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an Elements-Webhook-Signature against the raw body and the signature key.",
        discussion: """
            Reads the raw body from --body or standard input, and the key from OC_SIGNATURE_KEY or \
            --secrets-file. Exit status: 0 the signature matches; 1 it does not (the message says \
            what kind of mismatch it looks like); 2 invalid input (no key, an unreadable body).

            Example:
              OC_SIGNATURE_KEY=… ocwizard events verify --signature 'sha256=jHdb…' --body body.json
            """
    )

    @Option(help: ArgumentHelp("The Elements-Webhook-Signature header's value, such as sha256=<base64>.", valueName: "value"))
    var signature: String

    @Option(help: ArgumentHelp("The raw request body, exactly as received (default: standard input).", valueName: "file"), completion: .file())
    var body: String?

    @OptionGroup var keyOptions: SignatureKeyOptions

    func run() async throws {
        throw ExitCode(run(ports: Composition.live()).rawValue)
    }

    /// Reads the body and the key through `ports`, checks, reports; returns the exit status.
    func run(ports: Ports) -> ExitStatus {
        let console = ports.terminal
        guard let key = keyOptions.keyOrReport(ports: ports) else { return .invalidInput }
        let bytes: [UInt8]
        if let body {
            guard let read = ports.files.readBytes(body, limit: maximumNotificationBytes) else {
                console.printError("ocwizard: --body: cannot read \(body); give the file that holds the raw request body.")
                return .invalidInput
            }
            bytes = read
        } else {
            bytes = console.readAllInput(limit: maximumNotificationBytes)
        }
        guard bytes.count <= maximumNotificationBytes else {
            console.printError("ocwizard: the body is larger than \(maximumNotificationBytes / 1024 / 1024) MiB, more than a notification holds; give the raw body of one request.")
            return .invalidInput
        }
        do {
            let verdict = try SignatureCheck.check(header: signature, body: bytes, key: Array(key.revealed.utf8))
            let report = VerdictReport(verdict)
            for line in report.lines { report.isGenuine ? console.printOutput(line) : console.printError("ocwizard: " + line) }
            return report.isGenuine ? .success : .failure
        } catch {
            console.printError("ocwizard: \(error.reason)")
            return .failure
        }
    }
}
