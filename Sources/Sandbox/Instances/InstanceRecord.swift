import Foundation

/// One stored instance, with its secrets in the clear (the wire form masks them).
struct InstanceRecord: Codable, Sendable, Equatable {
    var id: Int
    var name: String
    var elementKey: String
    var token: String
    var tags: [String]
    /// Configuration values as the service stores them: all strings.
    var configuration: [String: String]
    var valid: Bool
    var disabled: Bool
    var createdDate: Date

    /// Configuration keys whose values are never returned.
    static let maskedKeys: Set<String> = ["oauth.api.key", "oauth.api.secret", "event.notification.signature.key"]
    /// What a masked value reads as.
    static let mask = "********"
    /// The configuration key that turns events on.
    static let eventsEnabledKey = "event.notification.enabled"
    /// The configuration key events are delivered to.
    static let eventsCallbackKey = "event.notification.callback.url"

    /// Whether events are enabled in the configuration.
    var eventsEnabled: Bool {
        configuration[Self.eventsEnabledKey] == "true"
    }

    /// The wire form; `hydrated: false` leaves the configuration out, as `hydrate=false` asks, and
    /// `stringBooleans` writes the flags as `"true"`/`"false"`.
    func wire(hydrated: Bool = true, stringBooleans: Bool = false) -> WireInstance {
        let element = ElementCatalog.anyElement(elementKey)
        let flag = { (value: Bool) in WireBool(value, asString: stringBooleans) }
        return WireInstance(
            id: id,
            name: name,
            createdDate: Timestamp.string(from: createdDate),
            token: token,
            element: element.wire,
            elementId: element.id,
            tags: tags,
            valid: flag(valid),
            disabled: flag(disabled),
            configuration: hydrated ? maskedConfiguration : nil,
            eventsEnabled: flag(eventsEnabled),
            user: SandboxAccount.user
        )
    }

    /// The configuration with the values of `maskedKeys` replaced by `mask`.
    var maskedConfiguration: [String: String] {
        configuration.reduce(into: [:]) { result, entry in
            result[entry.key] = Self.maskedKeys.contains(entry.key) ? Self.mask : entry.value
        }
    }
}
