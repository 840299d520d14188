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
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.isEmpty {
            exitProcess(await CreateRun(settings: CreateSettings(), ports: Composition.live()).run())
        }
        if arguments == ["--help"] || arguments == ["-h"] {
            // `create` is the default command: its options belong in the top-level help too.
            print(OCWizardCommand.helpMessage())
            print("\nThe default command, create:\n")
            print(OCWizardCommand.helpMessage(for: CreateCommand.self))
            return
        }
        await OCWizardCommand.main()
    }
}
