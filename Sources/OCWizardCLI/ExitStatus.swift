import OpenConnectors

/// The exit statuses scripts can rely on.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done.
    case success = 0
    /// Something failed that has no more specific status.
    case failure = 1
    /// Invalid input, or nothing to do.
    case invalidInput = 2
    /// The service refused (an HTTP error).
    case serviceRefused = 3
    /// Network or TLS failure.
    case networkFailure = 4
    /// The create's answer was lost and looking for the instance failed too: it may exist.
    case outcomeUnknown = 5
    /// Cancelled by the user.
    case cancelled = 130

    /// The status for a failed client call.
    public init(_ error: OpenConnectorsError) {
        switch error {
        case .transport(let failure) where failure.isCancellation: self = .cancelled
        case .transport: self = .networkFailure
        case .api, .unexpectedBody: self = .serviceRefused
        }
    }
}
