import OpenConnectors
import SystemPorts

/// Merges defaults, the profile, the environment, the secrets file and flags into one form.
struct ValueSources: Sendable {
    /// The merged values.
    var form: InstanceForm
    /// Where each value came from.
    var sources: [ParameterID: ValueSource]
    /// The profile's name prefix.
    var namePrefix: String?

    /// Merges, lowest priority first: table defaults < profile < environment < secrets file < flags.
    init(flags: [ParameterID: String], environment: ProcessEnvironment, profile: Profile?, secrets: [String: Secret]) {
        form = InstanceForm()
        sources = [:]
        namePrefix = profile?.namePrefix
        if let profile {
            for (id, value) in profile.values { set(id, value, from: .profile) }
            if let prefix = profile.namePrefix, flags[.name] == nil { set(.name, prefix, from: .profile) }
        }
        for row in ParameterTable.all {
            guard let variable = row.environmentVariable else { continue }
            if let value = environment[variable] { set(row.id, value, from: .environment) }
            // The form holds editable text; the secret is typed again when it leaves the form (`InstanceForm.secret`).
            if row.isSecret, let secret = secrets[variable], !secret.isEmpty { set(row.id, secret.revealed, from: .secretsFile) }
        }
        for (id, value) in flags { set(id, value, from: .flag) }
    }

    /// Sets `id` from a source below all others, unless another source set it already.
    mutating func fillGap(_ id: ParameterID, _ value: String, from source: ValueSource) {
        guard sources[id] == nil, !value.isEmpty else { return }
        set(id, value, from: source)
    }

    private mutating func set(_ id: ParameterID, _ value: String, from source: ValueSource) {
        form[id] = value
        sources[id] = source
    }

    /// How to set a parameter from the command line: its flag and/or variable.
    static func howToSet(_ id: ParameterID) -> String {
        let row = ParameterTable[id]
        var ways: [String] = []
        if let flag = row.flag { ways.append(flag) }
        if let variable = row.environmentVariable { ways.append(variable) }
        if row.isSecret { ways.append("--secrets-file") }
        return ways.joined(separator: " or ")
    }

    /// What `--code`'s help adds: the safer ways to give the code.
    static let codeFlagHelp = "Prefer OC_CODE, or - to read it from standard input: a value here is visible to other users (ps)."

    /// The grant code `--code` gives: read from standard input for `-` (a pipe keeps it out of the
    /// process list), else the flag's value, with a warning that argv is readable by other processes.
    static func grantCode(flag: String?, ports: Ports) throws(SourceError) -> String? {
        guard let flag else { return nil }
        guard flag == "-" else {
            ports.terminal.printError("ocwizard: warning: --code puts the grant code in the process list (ps, /proc) while ocwizard runs; set OC_CODE, or pass --code - and give the code on standard input.")
            return flag
        }
        guard let line = ports.terminal.readLine(), !line.allSatisfy(\.isWhitespace) else {
            throw SourceError(message: "--code -: no grant code on standard input; give the code or redirect address as its first line, or set OC_CODE.")
        }
        return line
    }

    /// A profile or secrets file could not be used.
    struct SourceError: Error { let message: String }

    /// Reads the profile (given, or the default one when present) and the secrets file, and merges everything.
    static func gather(flags: [ParameterID: String], profilePath: String?, secretsFile: String?, ports: Ports) throws(SourceError) -> ValueSources {
        var flags = flags
        flags[.code] = try grantCode(flag: flags[.code], ports: ports)
        var profile: Profile?
        do {
            if let path = profilePath {
                profile = try Profile.load(path, files: ports.files)
            } else if let path = Profile.defaultPath(ports.environment), ports.files.permissions(path) != nil {
                profile = try Profile.load(path, files: ports.files)
            }
        } catch {
            throw SourceError(message: error.message)
        }
        var secrets: [String: Secret] = [:]
        if let secretsFile {
            do { secrets = try SecretsFile.load(secretsFile, files: ports.files) } catch { throw SourceError(message: error.message) }
        }
        return ValueSources(flags: flags, environment: ports.environment, profile: profile, secrets: secrets)
    }
}
