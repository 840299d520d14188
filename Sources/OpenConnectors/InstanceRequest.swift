/// Builds the `POST /instances` body from a form, in the seed documentation's shape.
public enum InstanceRequest {
    /// The grant code to send: extracted from a pasted URL when one was pasted.
    public static func grantCode(in form: InstanceForm) -> String {
        (try? GrantCode.parse(form[.code]).get().code) ?? form.normalized(.code)
    }

    /// The request body: `element`, `providerData`, `configuration`, `tags`, `name`.
    ///
    /// `event.notification.enabled` is a JSON boolean; optional values left empty are left out,
    /// and event settings are left out while events are off.
    public static func body(from form: InstanceForm) -> JSONValue {
        var configuration: [(String, JSONValue)] = []
        for id in [ParameterID.callbackURL, .apiKey, .apiSecret, .scope] {
            let value = form.normalized(id)
            if !value.isEmpty { configuration.append((ParameterTable[id].wireKey, .string(value))) }
        }
        configuration.append((ParameterTable[.eventsEnabled].wireKey, .bool(form.eventsEnabled)))
        if form.eventsEnabled {
            for id in [ParameterID.eventsCallbackURL, .signatureKey] {
                let value = form.normalized(id)
                if !value.isEmpty { configuration.append((ParameterTable[id].wireKey, .string(value))) }
            }
        }
        var body: [(String, JSONValue)] = [
            ("element", .object([("key", .string(ParameterTable.connectorKey))])),
            ("providerData", .object([("code", .string(grantCode(in: form)))])),
            ("configuration", .object(configuration)),
        ]
        let tags = form.tagList
        if !tags.isEmpty { body.append(("tags", .array(tags.map(JSONValue.string)))) }
        body.append(("name", .string(form.normalized(.name))))
        return .object(body)
    }
}

/// The user and organization secrets that authorize every platform call.
public struct Credentials: Sendable, Equatable {
    /// The user secret.
    public var userSecret: String
    /// The organization secret.
    public var organizationSecret: String

    /// Makes credentials from the two secrets.
    public init(userSecret: String, organizationSecret: String) {
        self.userSecret = userSecret
        self.organizationSecret = organizationSecret
    }

    /// Reads the secrets from a form's connection fields.
    public init(form: InstanceForm) {
        self.init(userSecret: form.normalized(.userSecret), organizationSecret: form.normalized(.organizationSecret))
    }

    /// `User <user secret>, Organization <organization secret>`.
    public var authorizationHeader: String {
        "User \(userSecret), Organization \(organizationSecret)"
    }

    /// The same header as a shell expression that reads the secrets from the environment.
    public static let shellAuthorizationHeader = "User $OC_USER_SECRET, Organization $OC_ORG_SECRET"
}
