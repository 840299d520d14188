import Glibc
import OpenConnectors

/// The non-secret values of the last successful create against a real host, so `profile export` can hand them on.
///
/// Kept in `$XDG_STATE_HOME/ocwizard/last-run.json` (or `~/.local/state/…`); never holds a secret.
enum LastRun {
    /// Where the values are kept.
    static func path(_ environment: ProcessEnvironment = .current()) -> String? {
        if let state = environment["XDG_STATE_HOME"] { return state + "/ocwizard/last-run.json" }
        return environment["HOME"].map { $0 + "/.local/state/ocwizard/last-run.json" }
    }

    /// Remembers the non-secret values of a successful run (best effort: failures are ignored).
    static func save(_ form: InstanceForm, namePrefix: String? = nil) {
        guard let path = path() else { return }
        let directory = String(path[..<path.lastIndex(of: "/")!])
        makeDirectories(directory)
        _ = SecureFile.write(Profile.export(form.values, namePrefix: namePrefix), to: path, overwrite: true)
    }

    /// The last run's values as a profile, if there was one.
    static func load() -> Profile? {
        guard let path = path() else { return nil }
        return try? Profile.load(path)
    }

    private static func makeDirectories(_ path: String) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }
}
