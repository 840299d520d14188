import ArgumentParser
import OpenConnectors
import WebhookSigning

/// `ocwizard events`: prove that webhook events arrive and are signed.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Check webhook events: verify a signature, receive events, send a test event.",
        discussion: """
            The signature key comes from OC_SIGNATURE_KEY or --secrets-file, never from a flag.

            Are my events working?
              ocwizard events listen --port 8787            a local receiver that checks signatures
              ocwizard events send-test --url http://127.0.0.1:8787/events
              ocwizard events verify --signature 'sha256=…' --body body.json
            """,
        subcommands: [EventsVerifyCommand.self, EventsListenCommand.self, EventsSendTestCommand.self, EventsListCommand.self]
    )
}

/// `--secrets-file` for the signature key.
struct SignatureKeyOptions: ParsableArguments {
    @Option(name: .customLong("secrets-file"), help: ArgumentHelp("NAME=value lines; OC_SIGNATURE_KEY is read from it (instead of the environment). Must not be readable by group or others.", valueName: "file"), completion: .file())
    var secretsFile: String?

    /// The environment variable that holds the key.
    static let variable = ParameterTable[.signatureKey].environmentVariable ?? "OC_SIGNATURE_KEY"

    /// The signature key from the secrets file, else the environment; or a message naming both ways.
    func key(ports: Ports) -> Result<Secret, SecretsFile.Refusal> {
        if let secretsFile {
            do {
                if let key = try SecretsFile.load(secretsFile, files: ports.files)[Self.variable], !key.isEmpty { return .success(key) }
            } catch { return .failure(error) }
        }
        if let value = ports.environment[Self.variable], !value.isEmpty { return .success(Secret(value)) }
        return .failure(SecretsFile.Refusal(message: "no signature key: set \(Self.variable) in the environment or in a --secrets-file (the instance's event.notification.signature.key)."))
    }

    /// The signature key, or `nil` after saying on stderr why there is none (exit 2 follows).
    func keyOrReport(ports: Ports) -> Secret? {
        switch key(ports: ports) {
        case .success(let value): return value
        case .failure(let refusal):
            ports.terminal.printError("ocwizard: \(refusal.message)")
            return nil
        }
    }
}

/// The largest body read or received: a notification holds at most 20 events and the raw payload.
let maximumNotificationBytes = 2 * 1024 * 1024
