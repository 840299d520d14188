/// An instance as the service writes it in `POST`/`GET`/`PUT`/`PATCH /instances…` answers.
struct WireInstance: Encodable, Sendable {
    var id: Int
    var name: String
    var createdDate: String
    var token: String
    var element: WireElement
    var elementId: Int
    var tags: [String]
    var provisionInteractions: [String] = []
    var valid: WireBool
    var disabled: WireBool
    var maxCacheSize: Int = 0
    var cacheTimeToLive: Int = 0
    /// The configuration with secrets masked; left out of the JSON when `nil` (`hydrate=false`).
    var configuration: [String: String]?
    var eventsEnabled: WireBool
    var traceLoggingEnabled: Bool = false
    var cachingEnabled: Bool = false
    var externalAuthentication: String = "none"
    var user: WireUser
}

/// Connector metadata embedded in every instance (`element`).
struct WireElement: Encodable, Sendable {
    var id: Int
    var name: String
    var key: String
    var description: String
    var image: String
    var active: Bool = true
    var deleted: Bool = false
    var typeOauth: Bool = false
    var trialAccount: Bool = false
    var resources: [String] = []
    var transformationsEnabled: Bool = true
    var bulkDownloadEnabled: Bool = true
    var bulkUploadEnabled: Bool = true
    var cloneable: Bool = true
    var extendable: Bool = true
    var beta: Bool = false
    var authentication: WireAuthentication
    var extended: Bool = false
    var hub: String
    var protocolType: String = "http"
    var parameters: [String] = []
}

/// The connector's authentication kind (`element.authentication`).
struct WireAuthentication: Encodable, Sendable {
    var type: String
}

/// The account user an instance belongs to (`user`).
struct WireUser: Encodable, Sendable {
    var id: Int
    var emailAddress: String
    var firstName: String
    var lastName: String
}

/// A boolean written as JSON `true`/`false`, or as the string `"true"`/`"false"` (variant `string-booleans`).
struct WireBool: Encodable, Sendable {
    var value: Bool
    var asString: Bool

    /// `value`, written as a string when `asString`.
    init(_ value: Bool, asString: Bool = false) {
        self.value = value
        self.asString = asString
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if asString { try container.encode(value ? "true" : "false") } else { try container.encode(value) }
    }
}
