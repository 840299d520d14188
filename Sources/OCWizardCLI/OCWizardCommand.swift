import ArgumentParser
import OpenConnectors

/// `ocwizard`: create (default) or recover SAP Open Connectors Microsoft Graph instances.
public struct OCWizardCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ocwizard",
        abstract: "Connect a Microsoft Graph account to SAP Open Connectors, step by step.",
        discussion: """
            Secrets never come from flags (argv is visible to every user of the machine): set \
            OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET and OC_SIGNATURE_KEY in the environment, \
            or use --secrets-file. Exit status: 0 done, 2 invalid input, 3 the service refused, \
            4 network or TLS failure, 130 cancelled.
            """,
        version: OCWizardVersion.current,
        subcommands: [CreateCommand.self, RecoverCommand.self, ProfileCommand.self],
        defaultSubcommand: CreateCommand.self
    )

    public init() {}
}
