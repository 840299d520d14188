#if !os(Linux)
#error("ocwizard runs on Linux only (glibc, ncursesw, /proc): see Package.swift.")
#endif

import OCWizardCLI

/// The `ocwizard` executable: hands the command line to `OCWizardEntry`.
@main
enum OCWizardMain {
    static func main() async {
        await OCWizardEntry.main()
    }
}
