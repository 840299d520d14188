import ArgumentParser
import System

/// Where the `ocwizard` executable starts.
public enum OCWizardEntry {
    /// Runs `ocwizard` with the process's arguments.
    ///
    /// Plain `ocwizard` (no arguments) is the everyday start of the wizard; it goes straight to the
    /// create run with default settings, skipping the argument parser's start-up work (about a
    /// third of the time to the first screen, see docs/BENCHMARKS.md). Everything else is parsed.
    public static func main() async {
        // Secrets are read into this process's memory from here on: no core file may hold them.
        CoreDumps.disable()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty {
            exitProcess(await CreateRun(settings: CreateSettings(), ports: Composition.live()).run())
        }
        if isTopLevelHelpRequest(arguments) {
            print(topLevelHelp())
            return
        }
        do {
            var command = try OCWizardCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitReporting(error)
        }
    }

    /// Whether the arguments ask for the top-level help: `--help`, `-h` or `help` alone.
    static func isTopLevelHelpRequest(_ arguments: [String]) -> Bool {
        arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"]
    }

    /// The top-level help, the same however it is asked for: the command's help, then the options
    /// of the default command (`create`), which belong there too.
    public static func topLevelHelp() -> String {
        OCWizardCommand.helpMessage() + "\n\nThe default command, create:\n\n" + OCWizardCommand.helpMessage(for: CreateCommand.self)
    }

    /// The exit status for an error from parsing or running: a usage error is "invalid input" (2),
    /// one of the documented statuses, rather than the parser's own 64.
    public static func exitStatus(for error: any Error) -> Int32 {
        let code = OCWizardCommand.exitCode(for: error)
        return code == .validationFailure ? ExitStatus.invalidInput.rawValue : code.rawValue
    }

    /// Prints what the parser says about `error` and exits with `exitStatus(for:)`.
    private static func exitReporting(_ error: any Error) -> Never {
        let message = OCWizardCommand.fullMessage(for: error)
        let status = exitStatus(for: error)
        if !message.isEmpty {
            let terminal = Composition.live().terminal
            if status == ExitStatus.success.rawValue { terminal.printOutput(message) } else { terminal.printError(message) }
        }
        exitProcess(status)
    }
}
