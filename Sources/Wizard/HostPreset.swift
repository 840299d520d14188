import OpenConnectors

/// A known Open Connectors API host the user can pick instead of typing a URL.
public struct HostPreset: Sendable, Equatable {
    /// Short name shown in the picker.
    public let name: String
    /// The API base; `nil` for "custom", where the user types it.
    public let baseURL: String?

    public init(name: String, baseURL: String?) { self.name = name; self.baseURL = baseURL }

    /// The hosts seen in SAP's docs and public code, US2 (the seed's) first, then "Custom URL".
    public static let known: [HostPreset] = [
        HostPreset(name: "US2", baseURL: ParameterTable.defaultBaseURL),
        HostPreset(name: "EU10", baseURL: "https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2"),
        HostPreset(name: "US10", baseURL: "https://api.openconnectors.us10.ext.hana.ondemand.com/elements/api-v2"),
        HostPreset(name: "Trial US10", baseURL: "https://api.openconnectors.trial.us10.ext.hana.ondemand.com/elements/api-v2"),
        HostPreset(name: "Trial EU10", baseURL: "https://api.openconnectors.trial.eu10.ext.hana.ondemand.com/elements/api-v2"),
        HostPreset(name: "Neo trial", baseURL: "https://api.openconnectors.ext.hanatrial.ondemand.com/elements/api-v2"),
        custom,
    ]

    /// The entry that lets the user type any base URL.
    public static let custom = HostPreset(name: "Custom URL", baseURL: nil)

    /// The presets to offer: the sandbox first when there is one.
    public static func presets(sandboxURL: String?) -> [HostPreset] {
        guard let sandboxURL else { return known }
        return [HostPreset(name: "Sandbox", baseURL: sandboxURL)] + known
    }
}
