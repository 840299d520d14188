import FoundationEssentials
import OpenConnectors
import SystemPorts

/// A team profile: non-secret defaults a lead hands to a new team member (`profile.json`).
struct Profile: Sendable, Equatable {
    /// Values by parameter.
    var values: [ParameterID: String]
    /// A prefix for instance names (`namePrefix`).
    var namePrefix: String?
    /// Where it was read from.
    var path: String

    /// Why a profile cannot be used.
    struct Refusal: Error, Equatable {
        let message: String
    }

    /// The keys a profile may hold, besides `namePrefix`.
    static let parameterKeys: [String: ParameterID] = Dictionary(uniqueKeysWithValues: ParameterTable.all.compactMap { row in
        row.profileKey.map { ($0, row.id) }
    })

    /// The default location: `$XDG_CONFIG_HOME/ocwizard/profile.json`, or `~/.config/ocwizard/profile.json`.
    static func defaultPath(_ environment: ProcessEnvironment) -> String? {
        if let config = environment["XDG_CONFIG_HOME"] { return config + "/ocwizard/profile.json" }
        return environment["HOME"].map { $0 + "/.config/ocwizard/profile.json" }
    }

    /// Reads and checks a profile; secrets and malformed values are refused with the key named.
    static func load(_ path: String, files: any FileAccess) throws(Refusal) -> Profile {
        guard let text = files.read(path) else { throw Refusal(message: "cannot read the profile \(path).") }
        return try parse(text, path: path)
    }

    /// Parses profile JSON.
    static func parse(_ text: String, path: String) throws(Refusal) -> Profile {
        let json: JSONValue
        do { json = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
            throw Refusal(message: "\(path) is not valid JSON.")
        }
        guard case .object(let pairs) = json else { throw Refusal(message: "\(path) must hold a JSON object.") }
        var profile = Profile(values: [:], namePrefix: nil, path: path)
        for (key, value) in pairs {
            if let secret = secretKey(key) {
                throw Refusal(message: "\(path) holds the secret \"\(key)\": profiles are shared and must not contain secrets. Remove it and set \(secret) in the environment or a --secrets-file instead.")
            }
            if key == "namePrefix" {
                guard let text = value.stringValue else { throw Refusal(message: "\(path): \"namePrefix\" must be a string.") }
                profile.namePrefix = text
                continue
            }
            guard let id = parameterKeys[key] else {
                throw Refusal(message: "\(path): unknown key \"\(key)\". Known keys: \((parameterKeys.keys.sorted() + ["namePrefix"]).joined(separator: ", ")).")
            }
            switch (id, value) {
            case (.eventsEnabled, .bool(let flag)): profile.values[id] = flag ? "true" : "false"
            case (.tags, .array(let items)):
                let tags = items.compactMap(\.stringValue)
                guard tags.count == items.count else { throw Refusal(message: "\(path): \"tags\" must be a list of strings.") }
                profile.values[id] = tags.joined(separator: ", ")
            case (_, .string(let text)): profile.values[id] = text
            default: throw Refusal(message: "\(path): \"\(key)\" has a value of the wrong type.")
            }
        }
        return profile
    }

    /// The environment variable for a key that names a secret, if it does.
    private static func secretKey(_ key: String) -> String? {
        let lowered = key.lowercased()
        for row in ParameterTable.all where row.isSecret {
            let names = [row.wireKey, row.label, String(describing: row.id)].map { $0.lowercased().filter { $0.isLetter } }
            if names.contains(lowered.filter { $0.isLetter }) { return row.environmentVariable ?? "the environment" }
        }
        for word in ["secret", "token", "password", "signature"] where lowered.contains(word) {
            return "OC_…"
        }
        return nil
    }

    /// The profile JSON for values (non-secret ones only), in a stable order.
    static func export(_ values: [ParameterID: String], namePrefix: String?) -> String {
        var pairs: [(String, JSONValue)] = []
        for row in ParameterTable.all where !row.isSecret {
            guard let key = row.profileKey, let value = values[row.id].map(Normalizer.trim), !value.isEmpty else { continue }
            switch row.id {
            case .eventsEnabled: pairs.append((key, .bool(Normalizer.booleanValue(value) ?? false)))
            case .tags: pairs.append((key, .array(Normalizer.tagList(value).filter { !$0.isEmpty }.map(JSONValue.string))))
            default: pairs.append((key, .string(value)))
            }
        }
        if let namePrefix, !namePrefix.isEmpty { pairs.append(("namePrefix", .string(namePrefix))) }
        return JSONValue.object(pairs).prettyText + "\n"
    }
}
