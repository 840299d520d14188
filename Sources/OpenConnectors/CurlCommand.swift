/// Writes the `curl` command equivalent to a create request, with every secret read from the environment.
///
/// The secrets must not reach curl's argv, which every user can read in `/proc` while it runs: the
/// command is `printf '%s\n' 'option = "…"' … | curl --config - URL`. `printf` is built into every
/// POSIX shell (no process, so no argv), the shell puts each `$OC_…` value into printf's output, and
/// curl reads the headers and the body as a config from its standard input.
public enum CurlCommand {
    /// The environment variable that stands in for each secret parameter.
    public static let secretVariables: [ParameterID: String] = Dictionary(uniqueKeysWithValues: ParameterTable.all.compactMap { row in
        guard row.isSecret, let variable = row.environmentVariable else { return nil }
        return (row.id, variable)
    })

    /// A copy-pasteable command: secrets appear as `$OC_…` references, never as values, and are
    /// handed to curl on its standard input, never on its command line.
    public static func create(baseURL: String, form: InstanceForm) -> String {
        // Each secret becomes a placeholder, then, once the line is single-quoted for the shell, a
        // break out of the quotes to a double-quoted variable reference: '…'"$OC_API_SECRET"'…'.
        var used: [String] = []
        let body = InstanceRequest.body(from: form) { row, _ in
            let variable = secretVariables[row.id] ?? row.wireKey
            used.append(variable)
            return placeholder(variable)
        }
        let authorization = "Authorization: User \(placeholder("OC_USER_SECRET")), Organization \(placeholder("OC_ORG_SECRET"))"
        let configLines = [
            configLine("header", authorization),
            configLine("header", "Content-Type: application/json"),
            configLine("header", "Accept: application/json"),
            configLine("data-binary", body.compactText),
        ]
        let variables = used + ["OC_USER_SECRET", "OC_ORG_SECRET"]
        let printfArguments = configLines.map { line in
            variables.reduce(shellQuoted(line)) { quoted, variable in
                quoted.replacingOccurrences(of: placeholder(variable), with: "'\"$\(variable)\"'")
            }
        }
        return (["printf '%s\\n' \\"] + printfArguments.enumerated().map { index, argument in
            "  " + argument + (index == printfArguments.count - 1 ? " |" : " \\")
        } + ["  curl --config - \(shellQuoted(Normalizer.baseURL(baseURL) + "/instances"))"]).joined(separator: "\n")
    }

    /// `name = "value"` in curl's config syntax (backslash and double quote escaped inside the quotes).
    private static func configLine(_ name: String, _ value: String) -> String {
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\(name) = \"\(escaped)\""
    }

    /// The stand-in for a secret's variable while the body is quoted.
    private static func placeholder(_ variable: String) -> String { "@@\(variable)@@" }

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
