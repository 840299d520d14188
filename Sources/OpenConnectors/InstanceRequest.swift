/// Builds the `POST /instances` body from a form, in the seed documentation's shape.
public enum InstanceRequest {
    /// The grant code to send: extracted from a pasted URL when one was pasted.
    public static func grantCode(in form: InstanceForm) -> Secret {
        form.secret(.code)
    }

    /// The request body to send, secrets and all: `element`, `providerData`, `configuration`, `tags`, `name`.
    ///
    /// `event.notification.enabled` is a JSON boolean; optional values left empty are left out,
    /// and event settings are left out while events are off.
    public static func body(from form: InstanceForm) -> JSONValue {
        body(from: form) { _, secret in secret.revealed }
    }

    /// The same body with each secret shown as `stand(row, secret)`: masked for review, a variable
    /// reference for a shell command. The one place that knows where the body holds secrets.
    public static func body(from form: InstanceForm, showingSecretsAs stand: (Parameter, Secret) -> String) -> JSONValue {
        func value(_ id: ParameterID) -> String {
            ParameterTable[id].isSecret ? (form.secret(id).isEmpty ? "" : stand(ParameterTable[id], form.secret(id))) : form.normalized(id)
        }
        var configuration: [(String, JSONValue)] = []
        for id in [ParameterID.callbackURL, .apiKey, .apiSecret, .scope] {
            let value = value(id)
            if !value.isEmpty { configuration.append((ParameterTable[id].wireKey, .string(value))) }
        }
        configuration.append((ParameterTable[.eventsEnabled].wireKey, .bool(form.eventsEnabled)))
        if form.eventsEnabled {
            for id in [ParameterID.eventsCallbackURL, .signatureKey] {
                let value = value(id)
                if !value.isEmpty { configuration.append((ParameterTable[id].wireKey, .string(value))) }
            }
        }
        var body: [(String, JSONValue)] = [
            ("element", .object([("key", .string(ParameterTable.connectorKey))])),
            ("providerData", .object([("code", .string(stand(ParameterTable[.code], grantCode(in: form))))])),
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
    public var userSecret: Secret
    /// The organization secret.
    public var organizationSecret: Secret

    /// Makes credentials from the two secrets.
    public init(userSecret: Secret, organizationSecret: Secret) {
        self.userSecret = userSecret
        self.organizationSecret = organizationSecret
    }

    /// Reads the secrets from a form's connection fields.
    public init(form: InstanceForm) {
        self.init(userSecret: form.secret(.userSecret), organizationSecret: form.secret(.organizationSecret))
    }

    /// `User <user secret>, Organization <organization secret>`: the header every platform call sends.
    public var authorizationHeader: String {
        "User \(userSecret.revealed), Organization \(organizationSecret.revealed)"
    }
}
