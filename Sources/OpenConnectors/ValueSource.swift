/// Where a value came from, in increasing priority; shown beside a pre-filled field.
public enum ValueSource: String, Sendable, Equatable {
    case profile, environment, secretsFile = "secrets file", flag, sandbox
    /// The last successful create against a real host (below every other source).
    case lastRun = "last run"
}
