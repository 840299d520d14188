import Foundation

/// The fields of a `POST`/`PUT`/`PATCH /instances…` body, each checked for its JSON type.
struct InstanceInput: Sendable {
    /// `element.key`.
    var elementKey: String?
    /// `name`, with HTML tags already stripped.
    var name: String?
    /// `providerData.code`.
    var code: String?
    /// `configuration`, every value as the service stores it (a string).
    var configuration: [String: String] = [:]
    /// `tags`: strings, or `{"name": …}` objects as an old documented form has them.
    var tags: [String]?

    /// Parses a request body; `400` for malformed JSON or a field of the wrong type.
    static func parse(_ body: Data) throws(APIError) -> InstanceInput {
        let json = try WireJSON.parseObject(body)
        var input = InstanceInput()
        input.elementKey = try json.string(at: ["element", "key"])
        input.name = try json.string(at: ["name"]).map(HTMLStripper.strip)
        input.code = try json.string(at: ["providerData", "code"])
        input.configuration = try configuration(in: json)
        input.tags = try tags(in: json)
        return input
    }

    /// The OAuth settings that redeeming a code needs, or `400` naming every missing field.
    func oauthSettings(requiring extra: [(field: String, value: String?)] = []) throws(APIError) -> OAuthSettings {
        let required: [(field: String, value: String?)] = extra + [
            ("providerData.code", code),
            ("configuration[\"oauth.api.key\"]", configuration["oauth.api.key"]),
            ("configuration[\"oauth.api.secret\"]", configuration["oauth.api.secret"]),
            ("configuration[\"oauth.callback.url\"]", configuration["oauth.callback.url"]),
        ]
        let missing = required.filter { ($0.value ?? "").isEmpty }.map(\.field)
        guard missing.isEmpty else {
            throw .badRequest("Missing required field\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", ")).")
        }
        return OAuthSettings(
            code: code!,
            clientID: configuration["oauth.api.key"]!,
            clientSecret: configuration["oauth.api.secret"]!,
            callbackURL: configuration["oauth.callback.url"]!
        )
    }

    /// `configuration` with scalar values written as strings; `400` for nested values.
    private static func configuration(in json: WireJSON) throws(APIError) -> [String: String] {
        switch json["configuration"] {
        case .none, .null?: return [:]
        case .object(let members)?:
            var result: [String: String] = [:]
            for (key, value) in members {
                if case .null = value { continue }
                guard let text = value.scalarText else {
                    throw .badRequest("configuration[\"\(key)\"] must be a string, number or boolean, not \(value.typeName).")
                }
                result[key] = text
            }
            return result
        case let other?: throw .badRequest("configuration must be an object, not \(other.typeName).")
        }
    }

    /// `tags` as strings; `400` for anything but strings or `{"name": …}` objects.
    private static func tags(in json: WireJSON) throws(APIError) -> [String]? {
        switch json["tags"] {
        case .none, .null?: return nil
        case .array(let items)?:
            var tags: [String] = []
            for item in items {
                if case .string(let tag) = item {
                    tags.append(tag)
                } else if case .string(let tag)? = item["name"] {
                    tags.append(tag)
                } else {
                    throw .badRequest("tags must hold strings, not \(item.typeName).")
                }
            }
            return tags
        case let other?: throw .badRequest("tags must be an array, not \(other.typeName).")
        }
    }
}

/// What redeeming an authorization code takes, read from an instance body.
struct OAuthSettings: Sendable, Equatable {
    /// `providerData.code`.
    var code: String
    /// `oauth.api.key`: the Azure app's client id.
    var clientID: String
    /// `oauth.api.secret`: the Azure app's client secret.
    var clientSecret: String
    /// `oauth.callback.url`: must equal the redirect URI the code was issued for.
    var callbackURL: String
}
