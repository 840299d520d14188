import LineUI
import OpenConnectors
import SystemPorts
import Wizard

/// What `--dry-run` prints: the body (secrets as variable references) and the curl command.
enum DryRun {
    /// The body and command, ready to paste.
    static func text(form: InstanceForm) -> String {
        var form = form
        for (id, variable) in CurlCommand.secretVariables where !form.normalized(id).isEmpty || Validator.isRequired(ParameterTable[id], in: form) {
            form[id] = "$" + variable
        }
        return """
            # Request body (secrets shown as the environment variables that hold them)
            \(InstanceRequest.body(from: form).prettyText)

            # The same request with curl; export OC_USER_SECRET, OC_ORG_SECRET, OC_API_SECRET\(form.eventsEnabled && !form.normalized(.signatureKey).isEmpty ? ", OC_SIGNATURE_KEY" : "") and OC_CODE first
            \(CurlCommand.create(baseURL: form.normalized(.baseURL), form: form))
            """
    }
}

/// How a created instance and failures are reported on the command line.
enum CreateOutput {
    /// The instance in the one JSON shape (`InstanceDocument.keys`).
    static func json(_ instance: Instance, baseURL: String, form: InstanceForm) -> String {
        InstanceDocument.json(instance, baseURL: baseURL, eventsEnabled: form.eventsEnabled).prettyText
    }

    /// A short human summary with the id and token (a script asked for it).
    static func text(_ instance: Instance, baseURL: String) -> String {
        """
        Created instance \(instance.id) (\(TextSafety.visible(instance.name))).
        id:    \(instance.id)
        token: \(TextSafety.visible(instance.revealedToken))
        Use it with: Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element <token>
        """
    }

    /// Prints a failure to stderr: what happened, what to do, the service's words.
    static func report(_ error: OpenConnectorsError, to console: any TerminalDevice) {
        console.printError("ocwizard: \(TextSafety.visible(error.summary))")
        for detail in error.details { console.printError("  \(TextSafety.visible(detail))") }
        console.printError("  Next: \(error.nextStep)")
    }

    /// Prints a banner of the flow to stderr: its first line after `ocwizard: ` (and `warning: `
    /// when it only warns), the others indented.
    static func report(_ banner: Banner, warning: Bool, to console: any TerminalDevice) {
        for (index, line) in banner.lines.enumerated() {
            console.printError(index == 0 ? "ocwizard: \(warning ? "warning: " : "")\(TextSafety.visible(line))" : "  \(TextSafety.visible(line))")
        }
    }

    /// Prints validation problems to stderr, each with how a script sets the value when it is missing.
    static func report(_ problems: [Problem], to console: any TerminalDevice) {
        for problem in problems {
            let hint = problem.severity == .error && problem.isMissing ? " Set \(ValueSources.howToSet(problem.parameter))." : ""
            console.printError("ocwizard: \(problem.severity == .error ? "error" : "warning"): \(problem.wireKey): \(problem.message)\(hint)")
        }
    }
}
