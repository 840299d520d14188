/// Writes the `curl` command equivalent to a create request, with every secret read from the environment.
public enum CurlCommand {
    /// The environment variable that stands in for each secret parameter.
    public static let secretVariables: [ParameterID: String] = Dictionary(uniqueKeysWithValues: ParameterTable.all.compactMap { row in
        guard row.isSecret, let variable = row.environmentVariable else { return nil }
        return (row.id, variable)
    })

    /// A copy-pasteable command: secrets appear as `$OC_…` references, never as values.
    public static func create(baseURL: String, form: InstanceForm) -> String {
        var body = InstanceRequest.body(from: form)
        var replacements: [(placeholder: String, variable: String)] = []
        for (id, variable) in secretVariables.sorted(by: { $0.value < $1.value }) {
            let row = ParameterTable[id]
            let placeholder = "@@\(variable)@@"
            switch row.placement {
            case .configuration:
                guard body["configuration"]?[row.wireKey] != nil else { continue }
                body = body.setting("configuration", to: (body["configuration"] ?? .object([])).setting(row.wireKey, to: .string(placeholder)))
            case .providerData:
                body = body.setting("providerData", to: .object([("code", .string(placeholder))]))
            default:
                continue
            }
            replacements.append((placeholder, variable))
        }
        var json = shellQuoted(body.prettyText)
        for (placeholder, variable) in replacements {
            json = json.replacingOccurrences(of: placeholder, with: "'\"$\(variable)\"'")
        }
        return [
            "curl -X POST \(shellQuoted(Normalizer.baseURL(baseURL) + "/instances")) \\",
            "  -H \"Authorization: \(Credentials.shellAuthorizationHeader)\" \\",
            "  -H 'Content-Type: application/json' \\",
            "  -H 'Accept: application/json' \\",
            "  -d \(json)",
        ].joined(separator: "\n")
    }

    /// `text` in single quotes, safe for any POSIX shell.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    ///
    /// Matches UTF-8 bytes, as a shell reads them: a `'` followed by a combining mark is still a
    /// quote to escape. (The generic `firstRange(of:)` it replaces cost a tenth of a review frame.)
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return self }
        let haystack = Array(utf8)
        guard haystack.count >= needle.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(haystack.count)
        var index = 0
        var replaced = false
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result += replacement.utf8
                index += needle.count
                replaced = true
            } else {
                result.append(haystack[index])
                index += 1
            }
        }
        guard replaced else { return self }
        result += haystack[index...]
        return String(decoding: result, as: UTF8.self)
    }
}
