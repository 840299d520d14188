import OpenConnectors
import SystemPorts

/// The non-secret values of the last successful create against a real host: they pre-fill the
/// next run (marked "last run"), and `profile export` can hand them on.
///
/// Kept in `$XDG_STATE_HOME/ocwizard/last-run.json` (or `~/.local/state/…`), mode 0600; never holds
/// a secret. A run against a host on this machine (the embedded sandbox, or one reached with
/// `--base-url http://127.0.0.1:…`) is never remembered: its URL and app mean nothing next time.
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

    /// The values that pre-fill the next run: the setup, not this instance's name.
    static let prefilled: [ParameterID] = [.baseURL, .apiKey, .callbackURL, .scope, .eventsCallbackURL, .tags]

    /// Whether a run against `form`'s host is remembered: not when the host is this machine (a sandbox).
    static func remembers(_ form: InstanceForm) -> Bool {
        ParsedURL(form.normalized(.baseURL)).map { !$0.isLoopback } ?? false
    }

    /// Remembers the non-secret values of a successful run against a real host (best effort:
    /// failures are ignored).
    func save(_ form: InstanceForm, namePrefix: String? = nil) {
        guard Self.remembers(form), let path, let slash = path.lastIndex(of: "/") else { return }
        files.makeDirectories(String(path[..<slash]))
        _ = files.writePrivate(Profile.export(form.nonSecretValues, namePrefix: namePrefix), to: path, overwrite: true)
    }

    /// The last run's values as a profile, if there was one.
    func load() -> Profile? {
        guard let path else { return nil }
        return try? Profile.load(path, files: files)
    }

    /// Fills what no flag, variable, file or profile set with the last run's setup values.
    func prefill(_ values: inout ValueSources) {
        guard let last = load() else { return }
        for id in Self.prefilled { if let value = last.values[id] { values.fillGap(id, value, from: .lastRun) } }
    }
}
