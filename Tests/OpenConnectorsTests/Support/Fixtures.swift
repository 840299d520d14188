import Foundation
import OpenConnectors

/// Shared values and small helpers for the core tests.
enum Fixtures {
    /// A form that passes validation without a single problem; tests change one value at a time.
    ///
    /// The events callback URL is filled in even with events off, so that turning events on
    /// alone raises no problem.
    static func validForm(eventsEnabled: Bool = false) -> InstanceForm {
        var form = InstanceForm()
        form[.userSecret] = "uS3cret+/="
        form[.organizationSecret] = "0rgS3cret"
        form[.apiKey] = "11111111-2222-3333-4444-555555555555"
        form[.apiSecret] = "Abc8Q~xyz.123_-"
        form[.callbackURL] = "https://mycoolapp.com/oauth/callback"
        form[.code] = "M.C507_BAY.2.U.7c1e4d2a-93b1-5f0e-22aa-0b6c8e1f3d47"
        form[.name] = "graph-calendar-alice"
        form.eventsEnabled = eventsEnabled
        form[.eventsCallbackURL] = "https://mycoolapp.com/events"
        return form
    }

    /// The form holding the example values of the seed's curl example.
    static func seedExampleForm() -> InstanceForm {
        var form = InstanceForm()
        form[.code] = "xoz8AFqScK2ngM04kSSM"
        form[.callbackURL] = "https://mycoolapp.com"
        form[.apiKey] = "xxxxxxxxxxxxxxxxxx"
        form[.apiSecret] = "xxxxxxxxxxxxxxxxxxxxxx"
        form[.scope] = "Calendars.Read Calendars.ReadWrite offline_access"
        form[.eventsEnabled] = "true"
        form[.eventsCallbackURL] = "https://mycoolapp.com/events"
        form[.tags] = "Docs"
        form[.name] = "API Instance"
        return form
    }

    /// The `-d` body of the seed's curl example, copied as published: it lacks the comma after `oauth.api.secret`.
    static let seedCurlBodyAsPublished = """
        {
        "element": {
        "key": "microsoftgraph"
        },
        "providerData": {
        "code": "xoz8AFqScK2ngM04kSSM"
        },
        "configuration": {
        "oauth.callback.url": "https://mycoolapp.com",
        "oauth.api.key": "xxxxxxxxxxxxxxxxxx",
        "oauth.api.secret": "xxxxxxxxxxxxxxxxxxxxxx"
        "oauth.scope": "Calendars.Read Calendars.ReadWrite offline_access",
        "event.notification.enabled": true,
        "event.notification.callback.url": "https://mycoolapp.com/events"
        },
        "tags": [
        "Docs"
        ],
        "name": "API Instance"
        }
        """

    /// The seed's body with the missing comma put back.
    static var seedCurlBody: String {
        seedCurlBodyAsPublished.replacingOccurrences(
            of: "\"oauth.api.secret\": \"xxxxxxxxxxxxxxxxxxxxxx\"\n",
            with: "\"oauth.api.secret\": \"xxxxxxxxxxxxxxxxxxxxxx\",\n")
    }

    /// The illustrative `POST /instances` response of open-connectors-api.md §4.2, verbatim.
    static let documentedInstanceResponse = """
        {
          "id": 12345,
          "name": "graph-calendar-alice",
          "createdDate": "2024-03-01T10:15:30Z",
          "token": "ABC/Dxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=",
          "element": {
            "id": 17314, "name": "Microsoft Graph", "key": "microsoftgraph",
            "active": true, "deleted": false, "typeOauth": false, "trialAccount": false,
            "transformationsEnabled": true, "bulkDownloadEnabled": true, "bulkUploadEnabled": true,
            "cloneable": true, "extendable": true, "beta": false,
            "authentication": { "type": "oauth2" }, "extended": false,
            "hub": "general", "protocolType": "http"
          },
          "elementId": 17314,
          "tags": ["my-wizard", "microsoftgraph"],
          "provisionInteractions": [],
          "valid": true,
          "disabled": false,
          "maxCacheSize": 0,
          "cacheTimeToLive": 0,
          "configuration": {
            "oauth.api.key": "********",
            "oauth.api.secret": "********",
            "oauth.callback.url": "https://example.com/oauth/callback",
            "oauth.scope": "Calendars.Read Calendars.ReadWrite offline_access",
            "event.notification.enabled": "true",
            "event.notification.callback.url": "https://example.com/oc-events"
          },
          "eventsEnabled": true,
          "traceLoggingEnabled": false,
          "cachingEnabled": false,
          "externalAuthentication": "none",
          "user": { "id": 123456, "emailAddress": "dev@example.com", "firstName": "Dev", "lastName": "User" }
        }
        """

    /// What `documentedInstanceResponse` decodes to.
    static let documentedInstance = Instance(
        id: 12345, name: "graph-calendar-alice", token: "ABC/Dxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=",
        element: ElementSummary(id: 17314, key: "microsoftgraph", name: "Microsoft Graph"),
        tags: ["my-wizard", "microsoftgraph"], valid: true, disabled: false, eventsEnabled: true,
        createdDate: "2024-03-01T10:15:30Z",
        configuration: [
            "oauth.api.key": "********",
            "oauth.api.secret": "********",
            "oauth.callback.url": "https://example.com/oauth/callback",
            "oauth.scope": "Calendars.Read Calendars.ReadWrite offline_access",
            "event.notification.enabled": "true",
            "event.notification.callback.url": "https://example.com/oc-events",
        ],
        user: InstanceUser(id: 123456, emailAddress: "dev@example.com", firstName: "Dev", lastName: "User"))
}

/// Parses JSON text with Foundation, independently of the module's own `JSONValue`.
func foundationJSON(_ text: String) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! NSObject
}

/// Decodes `text` with the module's decoding path (`JSONDecoder`).
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

extension JSONValue {
    /// The keys of an object, in order; empty for anything else.
    var keys: [String] {
        guard case .object(let pairs) = self else { return [] }
        return pairs.map(\.0)
    }
}
