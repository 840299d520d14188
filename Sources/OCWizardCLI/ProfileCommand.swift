import ArgumentParser
import OpenConnectors

/// `ocwizard profile`: team profiles for onboarding.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Team profiles: non-secret defaults a lead hands to a new team member.",
        subcommands: [ProfileExportCommand.self]
    )
}

/// `ocwizard profile export`: write the non-secret values of the last successful run (or of the given flags).
struct ProfileExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a profile from the last successful create, or from the given flags.",
        discussion: """
            Flags win over the last successful create. Every value is checked with the same rules as \
            create before anything is written; stderr says where each value came from. Secrets are \
            never written. The new team member puts the file at ~/.config/ocwizard/profile.json (or \
            passes --profile) and only signs in and names the instance.

            Examples:
              ocwizard profile export --output team-a.json
              ocwizard profile export --base-url URL --api-key ID --callback-url URL \\
                --tag team-a --name-prefix team-a- --output team-a.json
            """
    )

    @OptionGroup var fields: ProfileFieldOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (not replacing an existing one) instead of standard output.", valueName: "file"), completion: .file())
    var output: String?

    func run() async throws {
        throw ExitCode(run(ports: Composition.live()).rawValue)
    }

    /// Checks and writes the profile through `ports`; returns the exit status.
    func run(ports: Ports) -> ExitStatus {
        let console = ports.terminal
        guard let export = ProfileExport(flags: fields.values, namePrefix: fields.namePrefix, lastRun: LastRun(ports).load()) else {
            console.printError("ocwizard: no successful create to export yet; give the values as flags (see ocwizard profile export --help).")
            return .invalidInput
        }
        let problems = export.problems
        for problem in problems { console.printError("ocwizard: \(export.flag(of: problem.parameter)): \(problem.message)") }
        guard problems.errors.isEmpty else {
            console.printError("ocwizard: nothing written; correct the values above.")
            return .invalidInput
        }
        for line in export.provenance { console.printError("  " + line) }
        guard let output else {
            console.write(export.text, to: .output)
            return .success
        }
        switch ports.writePrivate(export.text, to: output, overwrite: false) {
        case .success:
            console.printError("ocwizard: wrote \(output)")
            return .success
        case .failure(.exists(let path)):
            console.printError("ocwizard: \(path) already exists; remove it or choose another --output.")
            return .invalidInput
        case .failure(.failed(let path, let reason)):
            console.printError("ocwizard: cannot write \(path): \(reason)")
            return .failure
        }
    }
}

/// The values a profile holds, as flags: exactly the profile's keys, nothing it would ignore.
struct ProfileFieldOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp(ParameterTable[.baseURL].help, valueName: "url"))
    var baseURL: String?

    @OptionGroup var defaults: ProfileValueOptions

    @Option(name: .customLong("name-prefix"), help: ArgumentHelp("A prefix for instance names, such as team-a-.", valueName: "prefix"))
    var namePrefix: String?

    /// The parameter values given as flags.
    var values: [ParameterID: String] {
        var values = defaults.values
        if let baseURL { values[.baseURL] = baseURL }
        return values
    }
}
