import OpenConnectors

/// Chooses how `create` runs (screen, plain prompts or no input) and gathers its values.
struct CreateRun {
    let command: CreateCommand
    let environment: ProcessEnvironment

    /// Runs the create in the right mode; returns the exit status.
    func run() async -> Int32 {
        var values: ValueSources
        do {
            values = try ValueSources.gather(flags: command.parameters.values(baseURL: command.connection.baseURL), profilePath: command.profile,
                                             secretsFile: command.secretsFile, environment: environment)
        } catch {
            printError("ocwizard: \(error.message)")
            return ExitStatus.invalidInput.rawValue
        }
        var sandbox: SandboxProcess?
        if command.connection.sandbox && !command.dryRun {
            do { sandbox = try SandboxProcess() } catch {
                printError("ocwizard: \(error.message)")
                return ExitStatus.failure.rawValue
            }
        }
        defer { sandbox?.stop() }
        if let sandbox { SandboxProcess.prefill(&values, baseURL: sandbox.baseURL) }
        if command.noInput || command.dryRun {
            return await NonInteractiveCreate(values: values, connection: command.connection, json: command.json, dryRun: command.dryRun, sandboxURL: sandbox?.baseURL).run().rawValue
        }
        let screenProblem = TerminalCheck.reasonNoScreen()
        if command.plain || screenProblem != nil || environment["ACCESSIBLE"] != nil {
            return await LineModeCreate(values: values, connection: command.connection, sandboxURL: sandbox?.baseURL, prompter: TerminalPrompter()).run().rawValue
        }
        return await InteractiveSession(values: values, connection: command.connection, sandbox: sandbox).create()
    }
}
