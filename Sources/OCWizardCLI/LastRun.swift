import OpenConnectors
import SystemPorts

/// The non-secret values of the last successful create against a real host, so `profile export` can hand them on.
///
/// Kept in `$XDG_STATE_HOME/ocwizard/last-run.json` (or `~/.local/state/…`), mode 0600; never holds a secret.
struct LastRun {
    let environment: ProcessEnvironment
    let files: any FileAccess

    /// The last run of the user `ports` belong to.
    init(_ ports: Ports) { environment = ports.environment; files = ports.files }

    /// Where the values are kept.
    var path: String? {
        if let state = environment["XDG_STATE_HOME"] { return state + "/ocwizard/last-run.json" }
        return environment["HOME"].map { $0 + "/.local/state/ocwizard/last-run.json" }
    }

    /// Remembers the non-secret values of a successful run (best effort: failures are ignored).
    func save(_ form: InstanceForm, namePrefix: String? = nil) {
        guard let path, let slash = path.lastIndex(of: "/") else { return }
        files.makeDirectories(String(path[..<slash]))
        _ = files.writePrivate(Profile.export(form.nonSecretValues, namePrefix: namePrefix), to: path, overwrite: true)
    }

    /// The last run's values as a profile, if there was one.
    func load() -> Profile? {
        guard let path else { return nil }
        return try? Profile.load(path, files: files)
    }
}
