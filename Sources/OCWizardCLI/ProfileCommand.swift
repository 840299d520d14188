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
        discussion: "Secrets are never written. The new team member puts the file at ~/.config/ocwizard/profile.json (or passes --profile) and only signs in and names the instance."
    )

    @Option(name: .customLong("base-url"), help: ArgumentHelp(ParameterTable[.baseURL].help, valueName: "url"))
    var baseURL: String?

    @OptionGroup var parameters: InstanceOptions

    @Option(name: .customLong("name-prefix"), help: ArgumentHelp("A prefix for instance names, such as team-a-.", valueName: "prefix"))
    var namePrefix: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (not replacing an existing one) instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        throw ExitCode(run(ports: Composition.live()).rawValue)
    }

    /// Writes the profile through `ports`; returns the exit status.
    func run(ports: Ports) -> ExitStatus {
        let console = ports.terminal
        let flags = parameters.values(baseURL: baseURL)
        var values: [ParameterID: String] = [:]
        var prefix = namePrefix
        if let last = LastRun(ports).load() {
            values = last.values
            prefix = prefix ?? last.namePrefix
        } else if flags.isEmpty {
            console.printError("ocwizard: no successful create to export yet; give the values as flags (see ocwizard profile export --help).")
            return .invalidInput
        }
        for (id, value) in flags where id != .code && id != .name { values[id] = value }
        let text = Profile.export(values, namePrefix: prefix)
        guard let output else {
            console.write(text, to: .output)
            return .success
        }
        switch ports.writePrivate(text, to: output, overwrite: false) {
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
