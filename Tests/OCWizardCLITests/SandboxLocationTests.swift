import SystemPorts
import Testing
@testable import OCWizardCLI

/// Where `ocwizard --sandbox` looks for `ocwizard-sandbox`.
@Suite("Sandbox location")
struct SandboxLocationTests {
    @Test("A build tree first, then the installed libexec folder")
    func buildTreeThenLibexec() {
        let candidates = SandboxLocation.candidates(executableDirectory: "/usr/local/bin", environment: ProcessEnvironment(values: [:]))
        #expect(candidates == ["/usr/local/bin/ocwizard-sandbox", "/usr/local/libexec/ocwizard/ocwizard-sandbox"])
    }

    @Test("OCWIZARD_SANDBOX names the executable and is the only place looked at")
    func overrideWins() {
        let environment = ProcessEnvironment(values: ["OCWIZARD_SANDBOX": "/opt/oc/sandbox"])
        let candidates = SandboxLocation.candidates(executableDirectory: "/usr/bin", environment: environment)
        #expect(candidates == ["/opt/oc/sandbox"])
        #expect(SandboxLocation.notFound(candidates).contains("OCWIZARD_SANDBOX"))
    }
}
