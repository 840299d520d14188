import Glibc

/// Where the `ocwizard` executable starts.
public enum OCWizardEntry {
    /// Runs `ocwizard` with the process's arguments.
    ///
    /// Plain `ocwizard` (no arguments) is the everyday start of the wizard; it goes straight to the
    /// create run with default settings, skipping the argument parser's start-up work (about a
    /// third of the time to the first screen, see docs/BENCHMARKS.md). Everything else is parsed.
    public static func main() async {
        if CommandLine.arguments.count <= 1 {
            exit(await CreateRun(settings: CreateSettings(), environment: .current()).run())
        }
        await OCWizardCommand.main()
    }
}
