/// How serious a validation finding is.
public enum Severity: String, Sendable, Comparable, Codable {
    /// Worth a second look; the user confirms once and may go on.
    case warning
    /// Blocks moving on and submitting.
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// What one rule found wrong with one value, before it is tied to a parameter.
public struct Finding: Sendable, Equatable {
    /// Blocks or only warns.
    public let severity: Severity
    /// A sentence that says what is wrong and what to do.
    public let message: String

    /// A finding that blocks submitting.
    public static func error(_ message: String) -> Finding { Finding(severity: .error, message: message) }
    /// A finding the user may confirm and ignore.
    public static func warning(_ message: String) -> Finding { Finding(severity: .warning, message: message) }
}

/// A validation problem with one parameter: the wire key, how serious it is, and what to do.
public struct Problem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The parameter at fault.
    public let parameter: ParameterID
    /// Its key as the API spells it.
    public let wireKey: String
    /// Error blocks; warning asks for confirmation.
    public let severity: Severity
    /// A sentence a person can act on.
    public let message: String
    /// Whether the value is missing (rather than present and wrong): scripts are told how to set it.
    public let isMissing: Bool

    /// Ties a rule's finding to the parameter it was found on.
    public init(parameter: ParameterID, finding: Finding, isMissing: Bool = false) {
        self.parameter = parameter
        self.wireKey = ParameterTable[parameter].wireKey
        self.severity = finding.severity
        self.message = finding.message
        self.isMissing = isMissing
    }

    /// `oauth.api.key: Azure client ID is required …`
    public var description: String { "\(wireKey): \(message)" }
}

extension Array where Element == Problem {
    /// The problems that block submitting.
    public var errors: [Problem] { filter { $0.severity == .error } }
    /// The problems that only warn.
    public var warnings: [Problem] { filter { $0.severity == .warning } }
}
