import ArgumentParser
import OpenConnectors
import ProductVersion

/// `ocwizard`: create (default) or recover SAP Open Connectors Microsoft Graph instances.
public struct OCWizardCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ocwizard",
        abstract: "Connect a Microsoft Graph account to SAP Open Connectors, step by step.",
        discussion: """
            Secrets never come from flags (argv is visible to every user of the machine): set \
            OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET and OC_SIGNATURE_KEY in the environment, \
            or use --secrets-file. Values win in this order: flags, secrets file, environment, \
            team profile, last run (for profile export), defaults.

            Exit status: 0 done; 1 an unexpected failure; 2 invalid input, a usage error or nothing \
            to do (no match); 3 the service refused; 4 network or TLS failure; 5 the outcome is unknown \
            (an answer was lost and the instance could not be looked for: it may exist); 130 cancelled.

            Examples:
              ocwizard                     the wizard (same as ocwizard create)
              ocwizard --sandbox           try it against a local sandbox
              ocwizard recover             find an instance and its token again
              ocwizard recover --no-input --json --name graph-calendar-alice
              ocwizard profile export --output team-a.json
              ocwizard authorize-url --api-key ID --callback-url URL   the sign-in URL, for scripts
            """,
        version: OCWizardVersion.current,
        subcommands: [CreateCommand.self, RecoverCommand.self, ProfileCommand.self, EventsCommand.self, AuthorizeURLCommand.self],
        defaultSubcommand: CreateCommand.self
    )

    public init() {}
}
