import OCWizardCLI

/// The `ocwizard` executable: hands the command line to `OCWizardCommand`.
@main
enum OCWizardMain {
    static func main() async {
        await OCWizardCommand.main()
    }
}
