/// Where a value came from, in increasing priority; shown beside a pre-filled field.
public enum ValueSource: String, Sendable, Equatable {
    case profile, environment, secretsFile = "secrets file", flag, sandbox
    /// The last successful create against a real host (below every other source).
    case lastRun = "last run"

    /// Whether a value from here was chosen for this run on purpose, so a step that only asks for
    /// it can be passed; the last run's values are guesses to confirm, the sandbox's are stand-ins.
    public var isDeliberate: Bool {
        switch self {
        case .profile, .environment, .secretsFile, .flag: true
        case .sandbox, .lastRun: false
        }
    }

    /// Where the value was set, for a sentence: "the profile", "OC_EVENTS", "--no-events".
    public func origin(of row: Parameter, value: String) -> String {
        switch self {
        case .flag:
            guard let flag = row.flag else { return "a flag" }
            return row.kind == .boolean && Normalizer.booleanValue(value) == false ? flag.replacingOccurrences(of: "--", with: "--no-") : flag
        case .environment: return row.environmentVariable ?? "the environment"
        case .profile, .secretsFile, .sandbox, .lastRun: return "the \(rawValue)"
        }
    }
}
