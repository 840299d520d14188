/// The connectors the sandbox knows: only `microsoftgraph`, as the real catalogue lists it.
struct CatalogElement: Sendable, Equatable {
    /// The numeric element id (differs between real environments; clients must key on `key`).
    var id: Int
    /// The connector key, e.g. `microsoftgraph`.
    var key: String
    /// The display name.
    var name: String
    /// Scopes used when the caller gives none.
    var defaultScope: String
    /// The Microsoft tenant segment of the authorize URL.
    var tenant: String

    /// The `element` object written inside instances.
    var wire: WireElement {
        WireElement(
            id: id,
            name: name,
            key: key,
            description: "Add a \(name) Instance to connect your existing \(name) account to the General Hub.",
            image: "elements/provider_\(key).png",
            authentication: WireAuthentication(type: "oauth2"),
            hub: "general"
        )
    }
}

/// Looks connectors up by key or numeric id.
enum ElementCatalog {
    /// Microsoft Graph, with the default scopes of the connector's documentation.
    static let microsoftGraph = CatalogElement(
        id: 17314,
        key: "microsoftgraph",
        name: "Microsoft Graph",
        defaultScope: "Calendars.Read Calendars.ReadWrite offline_access",
        tenant: "common"
    )

    /// Every known connector.
    static let all = [microsoftGraph]

    /// Connectors whose instances the `other-connectors` variant adds to the account; they are
    /// not offered for creating instances (the sandbox emulates only `microsoftgraph`'s sign-in).
    static let others = [
        CatalogElement(id: 2, key: "sfdc", name: "Salesforce Sales Cloud", defaultScope: "api refresh_token", tenant: ""),
        CatalogElement(id: 3, key: "box", name: "Box", defaultScope: "", tenant: ""),
    ]

    /// The connector with `key`, among every known and other one (Microsoft Graph when unknown).
    static func anyElement(_ key: String) -> CatalogElement {
        (all + others).first { $0.key == key } ?? microsoftGraph
    }

    /// The connector whose key or id is `keyOrID`.
    static func element(_ keyOrID: String) -> CatalogElement? {
        all.first { $0.key == keyOrID || String($0.id) == keyOrID }
    }
}

/// The one account user every sandbox instance belongs to.
enum SandboxAccount {
    /// The `user` object written inside instances.
    static let user = WireUser(id: 424_242, emailAddress: "sandbox.user@example.com", firstName: "Sandbox", lastName: "User")
}
