import OpenConnectors
import Testing

/// One table-driven test per row of the parameter table: valid and invalid values, with the
/// exact wire key, severity and message of each problem.
@Suite("Validation of each parameter")
struct ParameterValidationTests {
    @Test("baseUrl: https, http only on loopback, normalised to …/elements/api-v2", arguments: [
        .valid("https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2",
               normalized: "https://api.openconnectors.us2.ext.hana.ondemand.com/elements/api-v2"),
        .valid("https://api.openconnectors.eu3.hana.ondemand.com", normalized: "https://api.openconnectors.eu3.hana.ondemand.com/elements/api-v2"),
        .valid("https://api.example.com/elements/api-v2///", normalized: "https://api.example.com/elements/api-v2"),
        .valid("https://api.example.com/elements/", normalized: "https://api.example.com/elements/api-v2"),
        .valid("  https://api.example.com/ \n", normalized: "https://api.example.com/elements/api-v2"),
        .valid("https://api.example.com/ /", normalized: "https://api.example.com/elements/api-v2"),
        .valid("https://api.example.com/elements/api-v2/instances", normalized: "https://api.example.com/elements/api-v2"),
        .valid("https://gateway.example.com/sap/oc", normalized: "https://gateway.example.com/sap/oc/elements/api-v2"),
        .valid("http://localhost:8080", normalized: "http://localhost:8080/elements/api-v2"),
        .valid("http://127.0.0.1:9000/elements/api-v2", normalized: "http://127.0.0.1:9000/elements/api-v2"),
        .valid("http://[::1]:8080/", normalized: "http://[::1]:8080/elements/api-v2"),
        .error("", "API base URL is required"),
        .error(" \n ", "API base URL is required"),
        .error("http://api.example.com", "must start with https://"),
        .error("http://10.0.0.5:8080", "must start with https://"),
        .error("api.example.com/elements/api-v2", "must be an absolute URL such as https://api.openconnectors.us2"),
        .error("ftp://api.example.com", "must start with https:// (the scheme ftp:// is not allowed; http:// is only for a sandbox"),
        .error("https://", "must be an absolute URL"),
        .error("https://api.exa mple.com", "must be an absolute URL"),
        .error("https://api.example.com:99999", "has the port 99999; a port is a whole number from 1 to 65535"),
        .error("https://api.example.com:0/elements/api-v2", "has the port 0; a port is a whole number from 1 to 65535"),
        .error("http://127.0.0.1:99999999999999999999999/elements/api-v2", "has the port 99999999999999999999999"),
        .error("https://api.exa mple.com:99999", "must be an absolute URL"),
        .error("https://api.example.com/elements/api-v2?tenant=1", "must not have a ?query or #fragment"),
        .error("https://api.example.com/#top", "must not have a ?query or #fragment"),
        .error("https://user:password@api.example.com", "must not contain a user name or password"),
        .problems("https://api.example.com/\telements", [
            ExpectedProblem(severity: .error, messagePart: "must be a single line"),
            ExpectedProblem(severity: .error, messagePart: "must be an absolute URL"),
        ]),
    ] as [ValidationCase])
    func baseURL(_ example: ValidationCase) {
        example.check(.baseURL, wireKey: "baseUrl")
    }

    /// Values that either secret of the `Authorization` header accepts or refuses.
    static let connectionSecretCases: [ValidationCase] = [
        .valid("uS3cret+/=", normalized: "uS3cret+/="),
        .valid("  uS3cret \n", normalized: "uS3cret"),
        .error("", "is required"),
        .error("   ", "is required"),
        .error("abc def", "must not contain spaces"),
        .error("abc\u{00A0}def", "must not contain spaces"),
        .error("abc\ndef", "must be a single line"),
        .error("abc\u{0}def", "must be a single line"),
        .error("abc\u{2028}def", "must be a single line"),
    ]

    @Test("Authorization: User — required, no spaces, no control characters", arguments: connectionSecretCases)
    func userSecret(_ example: ValidationCase) {
        example.check(.userSecret, wireKey: "Authorization: User")
    }

    @Test("Authorization: Organization — required, no spaces, no control characters", arguments: connectionSecretCases)
    func organizationSecret(_ example: ValidationCase) {
        example.check(.organizationSecret, wireKey: "Authorization: Organization")
    }

    @Test("key: fixed to microsoftgraph", arguments: [
        .valid("microsoftgraph"),
        .valid(" microsoftgraph\n", normalized: "microsoftgraph"),
        .error("", "Connector is required"),
        .error("sfdc", "must be microsoftgraph"),
        .error("MicrosoftGraph", "must be microsoftgraph"),
    ] as [ValidationCase])
    func elementKey(_ example: ValidationCase) {
        example.check(.elementKey, wireKey: "key")
    }

    @Test("oauth.api.key: required, one word", arguments: [
        .valid("11111111-2222-3333-4444-555555555555"),
        .valid("\t11111111-2222-3333-4444-555555555555 ", normalized: "11111111-2222-3333-4444-555555555555"),
        .error("", "Azure client ID is required"),
        .error("1111 2222", "Azure client ID must not contain spaces"),
        .error("1111\r\n2222", "Azure client ID must be a single line"),
        .error("1111\u{7}2222", "must be a single line"),
    ] as [ValidationCase])
    func apiKey(_ example: ValidationCase) {
        example.check(.apiKey, wireKey: "oauth.api.key")
    }

    @Test("oauth.api.secret: required, one word", arguments: [
        .valid("Abc8Q~xyz.123_-"),
        .valid("Abc8Q~xyz.123_- \n", normalized: "Abc8Q~xyz.123_-"),
        .error("", "Azure client secret is required"),
        .error("Abc8Q xyz", "Azure client secret must not contain spaces"),
        .error("Abc8Q\u{1B}[0mxyz", "Azure client secret must be a single line"),
    ] as [ValidationCase])
    func apiSecret(_ example: ValidationCase) {
        example.check(.apiSecret, wireKey: "oauth.api.secret")
    }

    @Test("oauth.callback.url: https, http only for localhost and 127.0.0.1", arguments: [
        .valid("https://mycoolapp.com"),
        .valid("https://mycoolapp.com/oauth/callback?tenant=a"),
        .valid("http://localhost:8400/callback"),
        .valid("http://127.0.0.1/callback"),
        .valid("HTTP://LOCALHOST/callback"),
        .valid(" https://mycoolapp.com/cb/ ", normalized: "https://mycoolapp.com/cb/"),
        .error("", "OAuth callback URL is required"),
        .error("http://mycoolapp.com/callback", "Microsoft only accepts http:// redirect URIs for localhost or 127.0.0.1"),
        .error("http://mycoolapp.com/callback", "register http://localhost:8765/callback as a Web redirect URI on the Azure app"),
        .error("http://127.0.0.2/callback", "must start with https://"),
        .error("http://[::1]/callback", "must start with https://"),
        .error("http://localhost.mycoolapp.com/callback", "must start with https://"),
        .error("/oauth/callback", "must be an absolute URL such as https://myapp.example.com/oauth/callback"),
        .error("mycoolapp.com/callback", "must be an absolute URL"),
        .error("not a url at all", "must be an absolute URL"),
        .error("urn:ietf:wg:oauth:2.0:oob", "must be an absolute URL"),
        .error("http://localhost:65536/callback", "has the port 65536; a port is a whole number from 1 to 65535"),
        .error("http://[::1]:0/callback", "has the port 0"),
        .error("https://mycoolapp.com/callback#done", "must not contain a #fragment"),
        .error("http://mycoolapp.com@localhost/callback", "must not contain a user name or password"),
    ] as [ValidationCase])
    func callbackURL(_ example: ValidationCase) {
        example.check(.callbackURL, wireKey: "oauth.callback.url")
    }

    @Test("oauth.scope: space-separated, no duplicates, offline_access", arguments: [
        .valid("Calendars.Read Calendars.ReadWrite offline_access", normalized: "Calendars.Read Calendars.ReadWrite offline_access"),
        .valid("  Calendars.Read\tCalendars.ReadWrite \n offline_access ", normalized: "Calendars.Read Calendars.ReadWrite offline_access"),
        .valid("openid OFFLINE_ACCESS User.Read"),
        .error("", "Scope is required"),
        .error("Calendars.Read Calendars.Read offline_access", "Scope lists Calendars.Read more than once"),
        .error("Calendars.Read calendars.read offline_access", "lists calendars.read more than once"),
        .error("Calendars.Read,Calendars.ReadWrite offline_access", "not commas or semicolons (found Calendars.Read,Calendars.ReadWrite)"),
        .error("Calendars.Read; offline_access", "not commas or semicolons"),
        .error("Calendars.Read \"all\" offline_access", "has an invalid entry \"all\""),
        .warning("Calendars.Read Calendars.ReadWrite", "has no offline_access"),
        .warning("Calendars.Read", "stops working after about an hour"),
        .problems("Calendars.Read, Calendars.Read,", [
            ExpectedProblem(severity: .error, messagePart: "not commas or semicolons (found Calendars.Read,)"),
            ExpectedProblem(severity: .error, messagePart: "lists Calendars.Read, more than once"),
            ExpectedProblem(severity: .warning, messagePart: "has no offline_access"),
        ]),
    ] as [ValidationCase])
    func scope(_ example: ValidationCase) {
        example.check(.scope, wireKey: "oauth.scope")
    }

    @Test("code: bare, whole URL, query part, wrapped, state, provider errors", arguments: [
        .valid("M.C507_BAY.2.U.abc-7c1e4d2a"),
        .valid("https://mycoolapp.com/oauth/callback?code=M.C507_BAY.2.U.abc-7c1e4d2a&state=xyz", expectedState: "xyz"),
        .valid("?code=M.C507_BAY.2.U.abc-7c1e4d2a&state=xyz", expectedState: "xyz"),
        .valid("code=M.C507_BAY.2.U.abc-7c1e4d2a&state=xyz", expectedState: "xyz"),
        .valid("https://mycoolapp.com/oauth/callback?code=M.C507_\n  BAY.2.U.abc-7c1e4d2a&st\r\nate=xyz", expectedState: "xyz"),
        .valid("https://mycoolapp.com/oauth/callback?code=abc%2Fdef-7c1e4d2a-93b1&session_state=1", expectedState: "xyz"),
        .error("", "Grant code is required"),
        .error("https://mycoolapp.com/oauth/callback?code=abc&state=other", "belongs to another sign-in (state other, expected xyz)", expectedState: "xyz"),
        .error("https://mycoolapp.com/oauth/callback?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent.",
               "Microsoft answered access_denied (\"AADSTS65004: User declined to consent.\")", expectedState: "xyz"),
        .error("https://mycoolapp.com/oauth/callback?state=xyz", "has no code=… parameter", expectedState: "xyz"),
        .error("https://mycoolapp.com/oauth/callback", "has no code=… parameter"),
        .error("?code=&state=xyz", "has no code=… parameter", expectedState: "xyz"),
        .error("\u{7}", "Grant code cannot be used. Paste the grant code"),
    ] as [ValidationCase])
    func code(_ example: ValidationCase) {
        example.check(.code, wireKey: "code")
    }

    @Test("event.notification.enabled: a yes/no value", arguments: [
        .valid("true", normalized: "true"),
        .valid("false", normalized: "false"),
        .valid(" Yes ", normalized: "true"),
        .valid("ON", normalized: "true"),
        .valid("0", normalized: "false"),
        .valid("", normalized: "false"),
        .error("maybe", "Events must be true or false"),
        .error("2", "must be true or false"),
    ] as [ValidationCase])
    func eventsEnabled(_ example: ValidationCase) {
        example.check(.eventsEnabled, wireKey: "event.notification.enabled")
    }

    @Test("event.notification.callback.url: required exactly with events, https, loopback warns", arguments: [
        .valid("https://mycoolapp.com/events", eventsEnabled: true),
        .valid("", eventsEnabled: false),
        .valid("http://not-checked.example.com", eventsEnabled: false),
        .valid("not a url", eventsEnabled: false),
        .error("", "Events callback URL is required", eventsEnabled: true),
        .error("http://mycoolapp.com/events", "must start with https://; Open Connectors only delivers events over TLS", eventsEnabled: true),
        .error("http://localhost:9000/events", "must start with https://", eventsEnabled: true),
        .error("mycoolapp.com/events", "must be an absolute URL such as https://myapp.example.com/oc-events", eventsEnabled: true),
        .error("https://mycoolapp.com:70000/events?x=1", "has the port 70000; a port is a whole number from 1 to 65535", eventsEnabled: true),
        .warning("https://localhost:8443/events", "the real Open Connectors service cannot reach it", eventsEnabled: true),
        .warning("https://127.0.0.1/events", "points at this machine", eventsEnabled: true),
        .warning("https://[::1]/events", "points at this machine", eventsEnabled: true),
    ] as [ValidationCase])
    func eventsCallbackURL(_ example: ValidationCase) {
        example.check(.eventsCallbackURL, wireKey: "event.notification.callback.url")
    }

    @Test("event.notification.signature.key: optional, warns under 16 characters, ignored without events", arguments: [
        .valid("", eventsEnabled: true),
        .valid("0123456789abcdef", eventsEnabled: true),
        .valid(" 0123456789abcdef0123 ", normalized: "0123456789abcdef0123", eventsEnabled: true),
        .valid("short", eventsEnabled: false),
        .valid("has spaces but events are off", eventsEnabled: false),
        .warning("short", "Signature key is shorter than 16 characters", eventsEnabled: true),
        .warning("0123456789abcde", "shorter than 16 characters", eventsEnabled: true),
        .error("0123456789 abcdef", "must not contain spaces", eventsEnabled: true),
        .error("0123456789\tabcdef", "must be a single line", eventsEnabled: true),
    ] as [ValidationCase])
    func signatureKey(_ example: ValidationCase) {
        example.check(.signatureKey, wireKey: "event.notification.signature.key")
    }

    @Test("name: required, one line, warns about < and >", arguments: [
        .valid("graph-calendar-alice"),
        .valid("API Instance"),
        .valid("Kalender Ümlaut 📅"),
        .valid("  spaced out  ", normalized: "spaced out"),
        .error("", "Instance name is required"),
        .error(" \t ", "Instance name is required"),
        .error("first\nsecond", "Instance name must be a single line"),
        .warning("<b>Alice</b>", "Instance name contains < or >"),
        .warning("a > b", "strips HTML tags from names"),
    ] as [ValidationCase])
    func name(_ example: ValidationCase) {
        example.check(.name, wireKey: "name")
    }

    @Test("tags: optional, trimmed, no empty entry, no duplicate", arguments: [
        .valid("", normalized: ""),
        .valid("Docs"),
        .valid(" Docs ,my-wizard,  microsoftgraph ", normalized: "Docs, my-wizard, microsoftgraph"),
        .valid("Docs, docs", normalized: "Docs, docs"),
        .error("a,,b", "Tags contain an empty entry; remove the extra comma"),
        .error("a, b,", "contain an empty entry"),
        .error(",", "contain an empty entry"),
        .error("a, b, a", "Tags list a more than once"),
        .error("a, a, a", "Tags list a more than once"),
        .error("a,,,b", "contain an empty entry"),
        .error("a,b\nc", "Tags must be a single line"),
        .problems("a,,a", [
            ExpectedProblem(severity: .error, messagePart: "empty entry"),
            ExpectedProblem(severity: .error, messagePart: "list a more than once"),
        ]),
    ] as [ValidationCase])
    func tags(_ example: ValidationCase) {
        example.check(.tags, wireKey: "tags")
    }
}
