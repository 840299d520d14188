/// Identifies one value the wizard collects: a row of the seed's parameter table or a connection value.
public enum ParameterID: String, CaseIterable, Sendable, Hashable, Codable {
    case baseURL
    case userSecret
    case organizationSecret
    case elementKey
    case apiKey
    case apiSecret
    case callbackURL
    case scope
    case code
    case eventsEnabled
    case eventsCallbackURL
    case signatureKey
    case name
    case tags
}

/// What sort of value a parameter holds; decides how it is edited, shown and sent.
public enum ParameterKind: Sendable, Equatable {
    /// A single line of text.
    case text
    /// A single line that is masked on screen and never logged.
    case secret
    /// An absolute URL.
    case url
    /// On or off.
    case boolean
    /// Space-separated OAuth scopes.
    case scopeList
    /// Comma-separated instance tags.
    case tagList
}

/// Whether a parameter must have a value.
public enum Requirement: Sendable, Equatable {
    /// Always needed.
    case required
    /// Never needed.
    case optional
    /// Needed exactly when `event.notification.enabled` is on.
    case requiredWhenEventsEnabled
    /// Not editable: the value is fixed by the tool.
    case fixed
}

/// Where a parameter travels in a `POST /instances` request.
public enum Placement: Sendable, Equatable {
    /// `element.key`.
    case elementKey
    /// `providerData.code`.
    case providerData
    /// A key of the `configuration` object.
    case configuration
    /// A top-level body field (`name`, `tags`).
    case topLevel
    /// Not in the body: the base URL or a part of the `Authorization` header.
    case connection
}

/// One row of the parameter table: everything the tool knows about a parameter.
///
/// Labels, help, CLI flag help, validation and the request body all read these rows.
public struct Parameter: Sendable {
    /// Stable identity used by forms and state machines.
    public let id: ParameterID
    /// The key as the API spells it (`oauth.api.key`); named in every validation problem.
    public let wireKey: String
    /// Short label shown next to the field.
    public let label: String
    /// One or two sentences in plain words: what the value is and where to find it.
    public let help: String
    /// What kind of value this is.
    public let kind: ParameterKind
    /// Whether the value is required.
    public let requirement: Requirement
    /// The value a new form starts with, if any.
    public let defaultValue: String?
    /// Where the value goes in the request.
    public let placement: Placement
    /// The `ocwizard create` flag that sets it (secrets have none: argv is public).
    public let flag: String?
    /// The environment variable that sets it.
    public let environmentVariable: String?
    /// The key in a team profile file (secrets have none).
    public let profileKey: String?
    /// Checks beyond presence, in the order they run.
    public let rules: [Rule]

    /// Whether the value must be masked on screen and kept out of logs.
    public var isSecret: Bool { kind == .secret }
}
