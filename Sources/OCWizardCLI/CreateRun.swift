import OpenConnectors

/// Chooses how `create` runs (screen, plain prompts or no input) and gathers its values.
struct CreateRun {
    let command: CreateCommand
    let environment: ProcessEnvironment

    /// Runs the create in the right mode; returns the exit status.
    func run() async -> ExitStatus {
        let values: ValueSources
        do {
            values = try gatherValues()
        } catch {
            printError("ocwizard: \(error.message)")
            return .invalidInput
        }
        var sandbox: SandboxProcess?
        if command.connection.sandbox && !command.dryRun {
            do { sandbox = try SandboxProcess() } catch {
                printError("ocwizard: \(error.message)")
                return .failure
            }
        }
        defer { sandbox?.stop() }
        var values2 = values
        if let sandbox { SandboxProcess.prefill(&values2, baseURL: sandbox.baseURL) }
        if command.noInput || command.dryRun {
            return await NonInteractiveCreate(values: values2, connection: command.connection, json: command.json, dryRun: command.dryRun, sandboxURL: sandbox?.baseURL).run()
        }
        let screenProblem = TerminalCheck.reasonNoScreen()
        if command.plain || screenProblem != nil || environment["ACCESSIBLE"] != nil {
            return await LineModeCreate(values: values2, connection: command.connection, sandboxURL: sandbox?.baseURL, prompter: TerminalPrompter()).run()
        }
        return await InteractiveCreate(values: values2, connection: command.connection, sandbox: sandbox).run()
    }

    /// A profile or secrets file could not be used.
    struct SourceError: Error { let message: String }

    private func gatherValues() throws(SourceError) -> ValueSources {
        var profile: Profile?
        do {
            if let path = command.profile {
                profile = try Profile.load(path)
            } else if let path = Profile.defaultPath(environment), TextFile.mode(path) != nil {
                profile = try Profile.load(path)
            }
        } catch {
            throw SourceError(message: error.message)
        }
        var secrets: [String: String] = [:]
        if let path = command.secretsFile {
            do { secrets = try SecretsFile.load(path) } catch { throw SourceError(message: error.message) }
        }
        return ValueSources(flags: command.parameters.values(baseURL: command.connection.baseURL), environment: environment, profile: profile, secrets: secrets)
    }
}
