import OpenConnectors

/// `ocwizard create --no-input`: validate everything at once, then create (or only print, with `--dry-run`).
struct NonInteractiveCreate {
    let values: ValueSources
    let connection: ConnectionSettings
    let json: Bool
    let dryRun: Bool
    let sandboxURL: String?

    /// Runs the create; returns the exit status.
    func run() async -> ExitStatus {
        var form = values.form
        if let sandboxURL { form[.baseURL] = sandboxURL }
        // A profile's name prefix only starts the name field on screen; a script names the instance itself.
        if values.sources[.name] == .profile { form[.name] = "" }
        // A dry run prints secrets as $OC_… references, so absent secrets are fine there.
        let ids = ParameterID.allCases.filter { id in !(dryRun && ParameterTable[id].isSecret && form.normalized(id).isEmpty) }
        let problems = Validator.problems(in: form, for: ids)
        for problem in problems {
            let hint = problem.severity == .error && problem.message.hasSuffix("is required.") ? " Set \(ValueSources.howToSet(problem.parameter))." : ""
            printError("ocwizard: \(problem.severity == .error ? "error" : "warning"): \(problem.wireKey): \(problem.message)\(hint)")
        }
        if !problems.errors.isEmpty {
            printError("ocwizard: \(problems.errors.count) value\(problems.errors.count == 1 ? "" : "s") to fix; nothing was sent.")
            return .invalidInput
        }
        if dryRun {
            printOutput(DryRun.text(form: form))
            return .success
        }
        let log = VerboseLog(enabled: connection.verbose, immediate: true)
        let client = OpenConnectorsClient(transport: Transports.make(connection, log: log.append), baseURL: form.normalized(.baseURL), credentials: Credentials(form: form))
        do {
            let instance = try await client.createInstance(body: InstanceRequest.body(from: form))
            if sandboxURL == nil { LastRun.save(form, namePrefix: values.namePrefix) }
            printOutput(json ? CreateOutput.json(instance, baseURL: client.baseURL, form: form) : CreateOutput.text(instance, baseURL: client.baseURL))
            return .success
        } catch {
            CreateOutput.report(error)
            return ExitStatus(error)
        }
    }
}

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
    /// `{id, name, token, baseUrl, element, eventsEnabled, tags, createdDate}`.
    static func json(_ instance: Instance, baseURL: String, form: InstanceForm) -> String {
        JSONValue.object([
            ("id", .integer(instance.id)),
            ("name", .string(instance.name)),
            ("token", instance.token.map(JSONValue.string) ?? .null),
            ("baseUrl", .string(baseURL)),
            ("element", .string(instance.element?.key ?? ParameterTable.connectorKey)),
            ("eventsEnabled", .bool(instance.eventsEnabled ?? form.eventsEnabled)),
            ("tags", .array(instance.tags.map(JSONValue.string))),
            ("createdDate", instance.createdDate.map(JSONValue.string) ?? .null),
        ]).prettyText
    }

    /// A short human summary with the id and token.
    static func text(_ instance: Instance, baseURL: String) -> String {
        """
        Created instance \(instance.id) (\(instance.name)).
        id:    \(instance.id)
        token: \(instance.token ?? "(none returned)")
        Use it with: Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element <token>
        """
    }

    /// Prints a failure to stderr: what happened, what to do, the service's words.
    static func report(_ error: OpenConnectorsError) {
        printError("ocwizard: \(error.summary)")
        for detail in error.details { printError("  \(detail)") }
        printError("  Next: \(error.nextStep)")
    }
}

/// Writes text and a newline to standard output.
func printOutput(_ text: String) {
    print(text)
}
