import OpenConnectors
import SystemPorts

/// `--secrets-file`: `NAME=value` lines for the secrets that never go on the command line.
enum SecretsFile {
    /// The variable names a secrets file may set.
    static let allowedNames: Set<String> = Set(ParameterTable.all.filter(\.isSecret).compactMap(\.environmentVariable))

    /// Why a secrets file is refused.
    struct Refusal: Error, Equatable {
        let message: String
    }

    /// Reads the file, refusing it (ssh-style) when it is a symbolic link, another user's, or open to group or others.
    static func load(_ path: String, files: any FileAccess) throws(Refusal) -> [String: Secret] {
        switch files.readPrivate(path) {
        case .success(let text):
            return try parse(text, path: path)
        case .failure(.missing):
            throw Refusal(message: "cannot find the secrets file \(path).")
        case .failure(.symbolicLink):
            throw Refusal(message: "the secrets file \(path) is a symbolic link, which is not followed; give the path of the file itself.")
        case .failure(.notOwned):
            throw Refusal(message: "the secrets file \(path) belongs to another user; use a file of your own (chmod 600).")
        case .failure(.tooOpen(let mode)):
            throw Refusal(message: "the secrets file \(path) is readable by others (mode \(String(mode, radix: 8))). Run: chmod 600 \(path)")
        case .failure(.unreadable(let reason)):
            throw Refusal(message: "cannot read the secrets file \(path): \(reason).")
        }
    }

    /// Parses `NAME=value` lines; blank lines and `#` comments are skipped, `export ` and quotes are allowed.
    static func parse(_ text: String, path: String) throws(Refusal) -> [String: Secret] {
        var values: [String: Secret] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Normalizer.trim(String(rawLine))
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = Normalizer.trim(String(line.dropFirst(7))) }
            guard let equals = line.firstIndex(of: "=") else {
                throw Refusal(message: "\(path) line \(index + 1): expected NAME=value.")
            }
            let name = Normalizer.trim(String(line[..<equals]))
            var value = Normalizer.trim(String(line[line.index(after: equals)...]))
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            // The line is named by number only: a malformed line may be a bare secret.
            guard allowedNames.contains(name) else {
                throw Refusal(message: "\(path) line \(index + 1): the name before = is not a secret ocwizard reads; use one of \(allowedNames.sorted().joined(separator: ", ")).")
            }
            values[name] = Secret(value)
        }
        return values
    }
}
