import Foundation

/// Settings of one sandbox: its credentials, generated data, persistence and clock.
public struct SandboxConfiguration: Sendable {
    /// The user secret expected in `Authorization: User …, Organization …`.
    public var userSecret: String = "sandbox-user"
    /// The organization secret expected in `Authorization: User …, Organization …`.
    public var organizationSecret: String = "sandbox-org"
    /// The client id of the one registered Azure app.
    public var clientID: String = "5a4db0c5-c11e-4d1d-a000-000000000001"
    /// The client secret of the one registered Azure app.
    public var clientSecret: String = "sandbox-client-secret"
    /// How many generated instances the sandbox starts with (only when no saved state exists).
    public var seedCount: Int = 0
    /// The seed of the random generator behind generated instances, so runs are repeatable.
    public var seed: UInt64 = 1
    /// The JSON file instances are loaded from and saved to; `nil` keeps them in memory only.
    public var statePath: String?
    /// The documented alternative behaviours to play instead of the defaults (none by default).
    public var variants: Set<SandboxVariant> = []
    /// The clock behind code expiry and creation dates; tests inject their own.
    public var now: @Sendable () -> Date = { Date() }

    /// Creates the default configuration (credentials `sandbox-user` / `sandbox-org`, app
    /// `5a4db0c5-c11e-4d1d-a000-000000000001` / `sandbox-client-secret`, no seeding, in memory, real clock).
    public init() {}

    /// Whether the sandbox plays `variant`.
    func plays(_ variant: SandboxVariant) -> Bool { variants.contains(variant) }
}
