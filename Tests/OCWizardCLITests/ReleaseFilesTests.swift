import Foundation
import OpenConnectors
import ProductVersion
import Testing
@testable import OCWizardCLI

/// The files a release ships agree with the code: version, licence, environment and exit statuses.
@Suite("Release files")
struct ReleaseFilesTests {
    private func read(_ name: String) throws -> String {
        try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("The newest CHANGELOG entry names the version the binaries print")
    func changelogNamesTheVersion() throws {
        let changelog = try read("CHANGELOG.md")
        let newest = try #require(changelog.split(separator: "\n").first { $0.hasPrefix("## [") })
        #expect(newest.hasPrefix("## [\(OCWizardVersion.current)]"), "bump CHANGELOG.md with the version: \(newest)")
    }

    @Test("LICENSE is the Apache License 2.0")
    func licence() throws {
        let licence = try read("LICENSE")
        #expect(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"))
    }

    @Test("The README's reference lists every environment variable of the parameter table")
    func everyVariableIsDocumented() throws {
        let readme = try read("README.md")
        let reference = try #require(readme.range(of: "### Environment variables")).upperBound
        let section = readme[reference...]
        let variables = ParameterTable.all.compactMap(\.environmentVariable) + [SandboxLocation.overrideVariable, "NO_COLOR", "ACCESSIBLE", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "BROWSER"]
        for variable in variables {
            #expect(section.contains("| `\(variable)` |"), "README's environment table lacks \(variable)")
        }
    }

    @Test("The README's exit table lists every exit status", arguments: OCWizardCLI.ExitStatus.allCases)
    func everyExitStatusIsDocumented(status: OCWizardCLI.ExitStatus) throws {
        let readme = try read("README.md")
        #expect(readme.contains("| \(status.rawValue) | "), "README's exit table lacks \(status.rawValue)")
    }
}
