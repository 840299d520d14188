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

    /// Reads the instance through `init(json:)`, so both ways of reading share one set of rules;
    /// a wrong shape is a `DecodingError` carrying the `JSONShapeError`.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do { try self.init(json: json) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.detail, underlyingError: error))
        }
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

    public init(from decoder: any Decoder) throws {
        guard let summary = ElementSummary(json: try JSONValue(from: decoder)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a connector object"))
        }
        self = summary
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

    /// Reads each field on its own, so one odd field (a numeric-string id) does not lose the others.
    public init(from decoder: any Decoder) throws {
        guard let user = InstanceUser(json: try JSONValue(from: decoder)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a user object"))
        }
        self = user
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
