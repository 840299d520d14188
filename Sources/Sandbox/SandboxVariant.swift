/// A documented alternative behaviour of the real service that the sandbox can play instead of
/// its default (`--variant NAME`, `SandboxConfiguration.variants`).
///
/// Each one follows a source of `../shared/docs/open-connectors-api.md` section 11 (cited by its
/// S-number in `source`); docs/SANDBOX.md lists them. Without any, the sandbox behaves as before.
public enum SandboxVariant: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A listing that matches nothing answers `404` with an error body instead of `200 []`.
    case emptyListNotFound = "empty-list-404"
    /// `/elements/{key}/oauth/url` puts a `state` of its own choosing into the sign-in URL.
    case serviceState = "service-state"
    /// `POST /elements/{key}/oauth/url` is refused (`400`, as a handler that reads only the query would).
    case oauthURLGetOnly = "oauth-url-get-only"
    /// `GET /elements/{key}/instances` ignores every query parameter: all instances, hydrated, one answer.
    case elementInstancesIgnoreQuery = "element-instances-ignore-query"
    /// `GET /instances` ignores `tags[]`, `searchText` and `hydrate` (paging still works).
    case instancesIgnoreFilters = "instances-ignore-filters"
    /// The account also holds instances of other connectors, which `GET /instances` lists.
    case otherConnectors = "other-connectors"
    /// A re-authenticating `PUT` replaces the configuration with the one sent, instead of merging.
    case reauthReplacesConfiguration = "reauth-replaces-configuration"
    /// A value sent back as `********` is dropped instead of keeping the stored one.
    case maskedValuesDropped = "masked-values-dropped"
    /// Re-authentication keeps the instance token instead of issuing a new one.
    case reauthKeepsToken = "reauth-keeps-token"
    /// `valid`, `disabled` and `eventsEnabled` are written as `"true"`/`"false"` strings.
    case stringBooleans = "string-booleans"

    /// The variant named `name` on the command line, if any.
    public init?(name: String) { self.init(rawValue: name) }

    /// What the variant changes, in one sentence.
    public var summary: String {
        switch self {
        case .emptyListNotFound: "a listing with no match answers 404 with an error body"
        case .serviceState: "the sign-in URL carries a state chosen by the service, not the caller's"
        case .oauthURLGetOnly: "POST /elements/{key}/oauth/url is refused with 400; only GET works"
        case .elementInstancesIgnoreQuery: "GET /elements/{key}/instances ignores paging, tags[], searchText and hydrate"
        case .instancesIgnoreFilters: "GET /instances ignores tags[], searchText and hydrate"
        case .otherConnectors: "the account also holds instances of other connectors"
        case .reauthReplacesConfiguration: "a re-authenticating PUT replaces the configuration instead of merging it"
        case .maskedValuesDropped: "a configuration value sent back as ******** is dropped, not kept"
        case .reauthKeepsToken: "re-authentication keeps the instance token"
        case .stringBooleans: "valid, disabled and eventsEnabled come as \"true\"/\"false\" strings"
        }
    }

    /// The source that shows the real service may behave so (API notes section 11).
    public var source: String {
        switch self {
        case .emptyListNotFound: "S20 instances.js (11.1)"
        case .serviceState: "S1, S23 oauth-proxy guide (11.2)"
        case .oauthURLGetOnly: "S20 provisioner.js, S21, S15, S1, S9 against S12 (11.3)"
        case .elementInstancesIgnoreQuery: "S24 (11.4)"
        case .instancesIgnoreFilters: "issue 12, S24: parameters documented, honouring unconfirmed (11.4)"
        case .otherConnectors: "S11, S20: CE's suites keep many connectors' instances in one account (11.4)"
        case .reauthReplacesConfiguration: "S15 KB recipe, S20 instances.js; merge or replace UNCERTAIN (11.5)"
        case .maskedValuesDropped: "S15, S20; keeping a value sent back masked is an inference (11.5)"
        case .reauthKeepsToken: "API notes 6.3 and 11.5: token change on re-auth UNCERTAIN"
        case .stringBooleans: "S7, S18: booleans documented both as JSON and as strings (4.1); issue 12"
        }
    }

    public static func < (lhs: SandboxVariant, rhs: SandboxVariant) -> Bool { lhs.rawValue < rhs.rawValue }
}
