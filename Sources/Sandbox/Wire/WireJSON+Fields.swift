import Foundation

extension WireJSON {
    /// The string at the member `path` (e.g. `["providerData", "code"]`): `nil` when absent or
    /// null, `400` naming the field when it or a parent has another JSON type.
    func string(at path: [String]) throws(APIError) -> String? {
        var value: WireJSON? = self
        for (depth, key) in path.enumerated() {
            switch value {
            case .none, .null?: return nil
            case .object?: value = value?[key]
            case let other?:
                throw .badRequest("\(path[..<depth].joined(separator: ".")) must be an object, not \(other.typeName).")
            }
        }
        switch value {
        case .none, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw .badRequest("\(path.joined(separator: ".")) must be a string, not \(other.typeName).")
        }
    }
}

extension WireJSON {
    /// Parses a request body that must be one JSON object; `400` otherwise.
    static func parseObject(_ body: Data) throws(APIError) -> WireJSON {
        let json: WireJSON
        do {
            json = try parse(body)
        } catch {
            throw .badRequest("Malformed JSON in the request body.")
        }
        guard case .object = json else { throw .badRequest("The request body must be a JSON object, not \(json.typeName).") }
        return json
    }
}
