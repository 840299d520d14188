/// One event setting of an instance that a re-authentication must not lose.
public enum EventSetting: String, Sendable, Equatable, CaseIterable {
    /// `event.notification.enabled` is true.
    case enabled
    /// `event.notification.callback.url` is set.
    case callbackURL
    /// `event.notification.signature.key` is set (the service returns it masked).
    case signatureKey

    /// What losing it means, as a short clause.
    public var lostText: String {
        switch self {
        case .enabled: "events are off"
        case .callbackURL: "the events callback URL (event.notification.callback.url) is gone"
        case .signatureKey: "the signature key (event.notification.signature.key) is gone, so events are no longer signed"
        }
    }

    /// The configuration key of the setting, from the parameter table.
    var wireKey: String {
        switch self {
        case .enabled: ParameterTable[.eventsEnabled].wireKey
        case .callbackURL: ParameterTable[.eventsCallbackURL].wireKey
        case .signatureKey: ParameterTable[.signatureKey].wireKey
        }
    }

    /// Whether `instance` has this setting, as far as its answer shows.
    func isSet(in instance: Instance) -> Bool {
        let value = instance.configuration[wireKey] ?? ""
        return self == .enabled ? instance.eventsEnabled ?? (value.lowercased() == "true") : !value.isEmpty
    }

    /// The settings `before` had and `after` no longer has: what a re-authentication dropped
    /// (a service may replace the configuration on `PUT`; API notes 11.5).
    public static func lost(before: Instance, after: Instance) -> [EventSetting] {
        allCases.filter { $0.isSet(in: before) && !$0.isSet(in: after) }
    }
}
