/// A connector instance as the service returns it; unknown fields are ignored, optional ones may be missing.
public struct Instance: Sendable, Equatable, Decodable {
    /// The instance id.
    public var id: Int
    /// Its name.
    public var name: String
    /// The instance token (`Element <token>` in hub calls); secret.
    public var token: Secret?
    /// The connector it belongs to.
    public var element: ElementSummary?
    /// Tags, whichever shape the service sent them in.
    public var tags: [String]
    /// Whether the provider authentication still works.
    public var valid: Bool?
    /// Whether the instance is disabled.
    public var disabled: Bool?
    /// Whether events are on.
    public var eventsEnabled: Bool?
    /// When it was created, as the service wrote it (ISO-8601).
    public var createdDate: String?
    /// Configuration values as strings (secrets come back as `********`).
    public var configuration: [String: String]
    /// Who created it.
    public var user: InstanceUser?

    /// The token as text, for where the user asked to see or keep it; "(none returned)" when the service sent none.
    public var revealedToken: String { token?.revealed ?? "(none returned)" }

    /// Makes an instance value (tests and fixtures).
    public init(id: Int, name: String, token: Secret? = nil, element: ElementSummary? = nil, tags: [String] = [],
                valid: Bool? = nil, disabled: Bool? = nil, eventsEnabled: Bool? = nil, createdDate: String? = nil,
                configuration: [String: String] = [:], user: InstanceUser? = nil) {
        self.id = id; self.name = name; self.token = token; self.element = element; self.tags = tags
        self.valid = valid; self.disabled = disabled; self.eventsEnabled = eventsEnabled
        self.createdDate = createdDate; self.configuration = configuration; self.user = user
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, token, element, tags, valid, disabled, eventsEnabled, createdDate, configuration, user
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeLenientInt(.id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        token = try? c.decodeIfPresent(Secret.self, forKey: .token)
        element = try? c.decodeIfPresent(ElementSummary.self, forKey: .element)
        tags = (try? c.decodeIfPresent([TagValue].self, forKey: .tags))?.compactMap(\.name) ?? []
        valid = c.decodeLenientBool(.valid)
        disabled = c.decodeLenientBool(.disabled)
        eventsEnabled = c.decodeLenientBool(.eventsEnabled)
        createdDate = (try? c.decodeIfPresent(String.self, forKey: .createdDate))
            ?? (try? c.decodeIfPresent(Int.self, forKey: .createdDate)).flatMap { $0.map(String.init) }
        let raw = (try? c.decodeIfPresent(JSONValue.self, forKey: .configuration)) ?? nil
        var configuration: [String: String] = [:]
        if case .object(let pairs)? = raw {
            for (key, value) in pairs {
                switch value {
                case .string(let text): configuration[key] = text
                case .bool(let flag): configuration[key] = flag ? "true" : "false"
                case .integer(let number): configuration[key] = String(number)
                case .number(let number): configuration[key] = String(number)
                default: break
                }
            }
        }
        self.configuration = configuration
        user = try? c.decodeIfPresent(InstanceUser.self, forKey: .user)
    }
}

/// The connector an instance belongs to.
public struct ElementSummary: Sendable, Equatable, Decodable {
    /// Numeric id; differs between environments, so never key on it.
    public var id: Int?
    /// The connector key, such as `microsoftgraph`.
    public var key: String
    /// Display name.
    public var name: String?

    /// Makes a summary.
    public init(id: Int? = nil, key: String, name: String? = nil) {
        self.id = id; self.key = key; self.name = name
    }

    private enum CodingKeys: String, CodingKey { case id, key, name }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try? c.decodeLenientInt(.id)
        key = try c.decodeIfPresent(String.self, forKey: .key) ?? ""
        name = try? c.decodeIfPresent(String.self, forKey: .name)
    }
}

/// The user who owns an instance.
public struct InstanceUser: Sendable, Equatable, Decodable {
    public var id: Int?
    public var emailAddress: String?
    public var firstName: String?
    public var lastName: String?

    /// Makes a user value (tests and fixtures).
    public init(id: Int? = nil, emailAddress: String? = nil, firstName: String? = nil, lastName: String? = nil) {
        self.id = id; self.emailAddress = emailAddress; self.firstName = firstName; self.lastName = lastName
    }

    private enum CodingKeys: String, CodingKey { case id, emailAddress, firstName, lastName }

    /// Reads each field on its own, so one odd field (a numeric-string id) does not lose the others.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try? c.decodeLenientInt(.id)
        emailAddress = try? c.decodeIfPresent(String.self, forKey: .emailAddress)
        firstName = try? c.decodeIfPresent(String.self, forKey: .firstName)
        lastName = try? c.decodeIfPresent(String.self, forKey: .lastName)
    }
}

/// A tag sent either as a plain string or as `{id, name}`; `name` is `nil` for any other shape.
private struct TagValue: Decodable {
    let name: String?
    private enum CodingKeys: String, CodingKey { case name }
    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            name = text
        } else {
            name = try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
        }
    }
}

extension KeyedDecodingContainer {
    /// A boolean sent as JSON `true`/`false` or as the string `"true"`/`"false"` (any case), as
    /// the docs show both (API notes 4.1); `nil` when absent or anything else.
    func decodeLenientBool(_ key: Key) -> Bool? {
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return flag }
        switch (try? decodeIfPresent(String.self, forKey: key))??.lowercased() {
        case "true"?: return true
        case "false"?: return false
        default: return nil
        }
    }

    /// An integer sent as a number or as a numeric string.
    func decodeLenientInt(_ key: Key) throws -> Int {
        if let number = try? decode(Int.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        guard let number = Int(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected a number, got \(text)")
        }
        return number
    }
}

/// The error body of the platform: `{requestId, message, providerMessage?}`.
public struct APIErrorBody: Sendable, Equatable, Decodable {
    public var requestId: String?
    public var message: String?
    public var providerMessage: String?

    public init(requestId: String? = nil, message: String? = nil, providerMessage: String? = nil) {
        self.requestId = requestId; self.message = message; self.providerMessage = providerMessage
    }
}

/// The answer of `/elements/{key}/oauth/url`.
public struct OAuthRedirect: Sendable, Equatable, Decodable {
    /// Where to send the user to sign in.
    public var oauthUrl: String
    /// The connector key.
    public var element: String?

    public init(oauthUrl: String, element: String?) {
        self.oauthUrl = oauthUrl; self.element = element
    }
}
