/// The parameter table of the seed documentation, plus the connection values, as data.
public enum ParameterTable {
    /// The connector key this tool creates instances of.
    public static let connectorKey = "microsoftgraph"
    /// The default API base: the US2 host from the seed's curl example.
    public static let defaultBaseURL = "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"
    /// The scopes the connector asks for by default; `offline_access` keeps the instance alive.
    public static let defaultScope = "Calendars.Read Calendars.ReadWrite offline_access"

    /// Every row, in the order the wizard asks for them.
    public static let all: [Parameter] = [
        Parameter(
            id: .baseURL, wireKey: "baseUrl", label: "API base URL",
            help: "The Open Connectors API of your region, as shown on the API Docs page of the Open Connectors UI. It ends in /elements/api-v2.",
            kind: .url, requirement: .required, defaultValue: defaultBaseURL, placement: .connection,
            flag: "--base-url", environmentVariable: "OC_BASE_URL", profileKey: "baseUrl",
            rules: [.singleLine, .baseURL]),
        Parameter(
            id: .userSecret, wireKey: "Authorization: User", label: "User secret",
            help: "Your personal API secret. Find it in the Open Connectors UI under your profile menu (Settings).",
            kind: .secret, requirement: .required, defaultValue: nil, placement: .connection,
            flag: nil, environmentVariable: "OC_USER_SECRET", profileKey: nil,
            rules: [.singleLine, .noSpaces]),
        Parameter(
            id: .organizationSecret, wireKey: "Authorization: Organization", label: "Organization secret",
            help: "The secret of your Open Connectors organization, shown next to the user secret in the profile menu.",
            kind: .secret, requirement: .required, defaultValue: nil, placement: .connection,
            flag: nil, environmentVariable: "OC_ORG_SECRET", profileKey: nil,
            rules: [.singleLine, .noSpaces]),
        Parameter(
            id: .elementKey, wireKey: "key", label: "Connector",
            help: "The connector to create an instance of. ocwizard always uses Microsoft Graph (microsoftgraph).",
            kind: .text, requirement: .fixed, defaultValue: connectorKey, placement: .elementKey,
            flag: nil, environmentVariable: nil, profileKey: nil,
            rules: [.fixedValue(connectorKey)]),
        Parameter(
            id: .apiKey, wireKey: "oauth.api.key", label: "Azure client ID",
            help: "The Application (client) ID of your app registration in the Azure portal (Microsoft Entra ID > App registrations).",
            kind: .text, requirement: .required, defaultValue: nil, placement: .configuration,
            flag: "--api-key", environmentVariable: "OC_API_KEY", profileKey: "apiKey",
            rules: [.singleLine, .noSpaces, .clientIDShape]),
        Parameter(
            id: .apiSecret, wireKey: "oauth.api.secret", label: "Azure client secret",
            help: "A client secret of the same app registration (Certificates & secrets). Use its Value, not its Secret ID.",
            kind: .secret, requirement: .required, defaultValue: nil, placement: .configuration,
            flag: nil, environmentVariable: "OC_API_SECRET", profileKey: nil,
            rules: [.singleLine, .noSpaces, .clientSecretShape]),
        Parameter(
            id: .callbackURL, wireKey: "oauth.callback.url", label: "OAuth callback URL",
            help: "A Redirect URI registered on the Azure app (Authentication > Web). Microsoft sends you there with the grant code after sign-in. To skip copying the code, add http://localhost:8765/callback as a Web redirect URI in the Azure portal (App registrations > your app > Authentication > Add a platform > Web) and use it here: the wizard listens there and catches the sign-in itself.",
            kind: .url, requirement: .required, defaultValue: nil, placement: .configuration,
            flag: "--callback-url", environmentVariable: "OC_CALLBACK_URL", profileKey: "callbackUrl",
            rules: [.singleLine, .oauthCallbackURL]),
        Parameter(
            id: .scope, wireKey: "oauth.scope", label: "Scope",
            help: "Microsoft Graph permissions to ask for, separated by spaces. Keep offline_access so the instance can refresh its access.",
            kind: .scopeList, requirement: .required, defaultValue: defaultScope, placement: .configuration,
            flag: "--scope", environmentVariable: "OC_SCOPE", profileKey: "scope",
            rules: [.singleLine, .scopeTokens, .offlineAccess]),
        Parameter(
            id: .code, wireKey: "code", label: "Grant code",
            help: "The authorization grant code from the page Microsoft sent you to after sign-in. Paste the code or the whole address; it is single-use and expires after about 10 minutes.",
            kind: .secret, requirement: .required, defaultValue: nil, placement: .providerData,
            flag: "--code", environmentVariable: "OC_CODE", profileKey: nil,
            rules: [.grantCode]),
        Parameter(
            id: .eventsEnabled, wireKey: "event.notification.enabled", label: "Events",
            help: "Turn on webhook events: Open Connectors then posts calendar changes to your events callback URL.",
            kind: .boolean, requirement: .optional, defaultValue: "false", placement: .configuration,
            flag: "--events", environmentVariable: "OC_EVENTS", profileKey: "events",
            rules: [.boolean]),
        Parameter(
            id: .eventsCallbackURL, wireKey: "event.notification.callback.url", label: "Events callback URL",
            help: "The https address of your service where Open Connectors sends events. It must be reachable from the internet.",
            kind: .url, requirement: .requiredWhenEventsEnabled, defaultValue: nil, placement: .configuration,
            flag: "--events-url", environmentVariable: "OC_EVENTS_URL", profileKey: "eventsUrl",
            rules: [.singleLine, .eventsCallbackURL]),
        Parameter(
            id: .signatureKey, wireKey: "event.notification.signature.key", label: "Signature key",
            help: "Optional. A secret Open Connectors uses to sign each event (Elements-Webhook-Signature: sha256=…) so your service can check it was not tampered with.",
            kind: .secret, requirement: .optional, defaultValue: nil, placement: .configuration,
            flag: nil, environmentVariable: "OC_SIGNATURE_KEY", profileKey: nil,
            rules: [.singleLine, .noSpaces, .minimumLength(16)]),
        Parameter(
            id: .name, wireKey: "name", label: "Instance name",
            help: "A name for the new instance, to find it again later (for example graph-calendar-alice).",
            kind: .text, requirement: .required, defaultValue: nil, placement: .topLevel,
            flag: "--name", environmentVariable: "OC_NAME", profileKey: nil,
            rules: [.singleLine, .noHTML]),
        Parameter(
            id: .tags, wireKey: "tags", label: "Tags",
            help: "Optional labels for the instance, separated by commas, to group and find instances.",
            kind: .tagList, requirement: .optional, defaultValue: nil, placement: .topLevel,
            flag: "--tag", environmentVariable: "OC_TAGS", profileKey: "tags",
            rules: [.singleLine, .tagList]),
    ]

    private static let byID: [ParameterID: Parameter] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The row for `id`.
    public static subscript(_ id: ParameterID) -> Parameter {
        guard let row = byID[id] else { preconditionFailure("parameter table has no row for \(id)") }
        return row
    }
}
