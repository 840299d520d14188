import OpenConnectors

/// Chooses how `create` runs (screen, plain prompts or no input) and gathers its values.
struct CreateRun {
    let settings: CreateSettings
    let ports: Ports

    /// Runs the create in the right mode; returns the exit status.
    func run() async -> Int32 {
        var values: ValueSources
        do {
            values = try ValueSources.gather(flags: settings.flagValues, profilePath: settings.profilePath,
                                             secretsFile: settings.secretsFile, ports: ports)
        } catch {
            ports.terminal.printError("ocwizard: \(error.message)")
            return ExitStatus.invalidInput.rawValue
        }
        var sandbox: SandboxProcess?
        var connection = settings.connection
        if settings.connection.sandbox && !settings.dryRun {
            do { sandbox = try SandboxProcess(ports: ports) } catch {
                ports.terminal.printError("ocwizard: \(error.message)")
                return ExitStatus.failure.rawValue
            }
        }
        defer { sandbox?.stop() }
        if let sandbox {
            SandboxProcess.prefill(&values, baseURL: sandbox.baseURL)
            connection.embeddedSandbox = sandbox.embedded
        } else if !settings.noInput && !settings.dryRun {
            // A person's run starts from the last setup; a script says what it wants.
            LastRun(ports).prefill(&values)
        }
        if settings.noInput || settings.dryRun {
            return await BatchCreate(values: values, connection: connection, json: settings.json, dryRun: settings.dryRun,
                                     sandboxURL: sandbox?.baseURL, ports: ports).run().rawValue
        }
        if settings.plain || ports.reasonNoScreen != nil || ports.environment["ACCESSIBLE"] != nil {
            return await LineCreate(values: values, connection: connection, sandboxURL: sandbox?.baseURL, ports: ports,
                                    io: TerminalPrompter(terminal: ports.terminal)).run().rawValue
        }
        return await InteractiveSession(values: values, connection: connection, sandbox: sandbox, ports: ports).create()
    }
}
