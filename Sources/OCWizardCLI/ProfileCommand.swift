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
        let flags = parameters.values(baseURL: baseURL)
        var values: [ParameterID: String] = [:]
        var prefix = namePrefix
        if let last = LastRun.load() {
            values = last.values
            prefix = prefix ?? last.namePrefix
        } else if flags.isEmpty {
            printError("ocwizard: no successful create to export yet; give the values as flags (see ocwizard profile export --help).")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        }
        for (id, value) in flags where id != .code && id != .name { values[id] = value }
        let text = Profile.export(values, namePrefix: prefix)
        guard let output else {
            print(text, terminator: "")
            return
        }
        switch SecureFile.write(text, to: output, overwrite: false) {
        case .success: printError("ocwizard: wrote \(output)")
        case .failure(.exists(let path)):
            printError("ocwizard: \(path) already exists; remove it or choose another --output.")
            throw ExitCode(ExitStatus.invalidInput.rawValue)
        case .failure(.failed(let path, let reason)):
            printError("ocwizard: cannot write \(path): \(reason)")
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }
}
