import SystemPorts

/// Where `ocwizard --sandbox` finds the `ocwizard-sandbox` executable.
///
/// In order: the path in `OCWIZARD_SANDBOX`; beside `ocwizard` (a build tree, `.build/debug`);
/// `../libexec/ocwizard/` from `ocwizard`'s folder (an installed `PREFIX/bin/ocwizard` with
/// `PREFIX/libexec/ocwizard/ocwizard-sandbox`, as `make install` and the Debian package lay them out).
enum SandboxLocation {
    /// The environment variable that names the sandbox executable explicitly.
    static let overrideVariable = "OCWIZARD_SANDBOX"

    /// The paths to try, first match wins.
    static func candidates(executableDirectory: String, environment: ProcessEnvironment) -> [String] {
        if let explicit = environment[overrideVariable] { return [explicit] }
        let parent = executableDirectory.lastIndex(of: "/").map { String(executableDirectory[..<$0]) } ?? "."
        return [executableDirectory + "/ocwizard-sandbox", parent + "/libexec/ocwizard/ocwizard-sandbox"]
    }

    /// The message when no candidate is an executable file.
    static func notFound(_ candidates: [String]) -> String {
        "ocwizard-sandbox was not found (looked at \(candidates.joined(separator: ", "))); "
            + "build it with make build, install it with make install, or set \(overrideVariable) to its path."
    }
}
