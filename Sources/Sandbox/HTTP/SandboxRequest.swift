import Foundation

/// One HTTP request as the sandbox's endpoints see it, independent of the server library.
struct SandboxRequest: Sendable {
    /// The method in upper case, e.g. `GET`.
    var method: String
    /// The percent-decoded path without a trailing slash, e.g. `/elements/api-v2/instances/7`.
    var path: String
    /// The decoded query parameters in order; names may repeat (`tags[]`).
    var query: [(name: String, value: String)]
    /// Header values keyed by lower-cased name.
    var headers: [String: String]
    /// The raw body.
    var body: Data

    /// Creates a request, normalising the method's case and the path's trailing slash.
    init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [String: String] = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The value of header `name` (any case).
    func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The first value of query parameter `name`.
    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value of query parameter `name`, in order.
    func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// Whether the body is declared as JSON (`application/json` or a `+json` type).
    var hasJSONContentType: Bool {
        guard let type = header("content-type")?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return type == "application/json" || type.hasSuffix("+json")
    }

    /// Whether the `Accept` header, if any, allows a JSON answer.
    var acceptsJSON: Bool {
        guard let accept = header("accept"), !accept.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        return accept.split(separator: ",").contains { range in
            let type = range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            return ["*/*", "application/*", "application/json"].contains(type) || type.hasSuffix("+json")
        }
    }
}
