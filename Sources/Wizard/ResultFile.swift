import OpenConnectors

/// The file a user may save after creating an instance: what later calls need, nothing more.
public enum ResultFile {
    /// `{id, name, token, baseUrl, element, createdDate}` as indented JSON.
    public static func contents(instance: Instance, baseURL: String) -> String {
        var fields: [(String, JSONValue)] = [
            ("id", .integer(instance.id)),
            ("name", .string(instance.name)),
            ("token", instance.token.map(JSONValue.string) ?? .null),
            ("baseUrl", .string(baseURL)),
            ("element", .string(instance.element?.key ?? ParameterTable.connectorKey)),
        ]
        fields.append(("createdDate", instance.createdDate.map(JSONValue.string) ?? .null))
        return JSONValue.object(fields).prettyText + "\n"
    }

    /// A file name derived from the instance name: letters, digits, `-`, `_` and `.` only.
    public static func defaultFileName(for name: String) -> String {
        let safe = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        let trimmed = safe.split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return (trimmed.isEmpty ? "instance" : trimmed) + ".ocwizard.json"
    }
}
