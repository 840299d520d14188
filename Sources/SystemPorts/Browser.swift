/// Why no browser could be opened.
public struct BrowserFailure: Error, Sendable, Equatable {
    /// What went wrong, in words for the user.
    public var reason: String
    /// A failure with this reason.
    public init(reason: String) { self.reason = reason }
}

/// The port for opening a web page in the user's browser.
public protocol BrowserOpening: Sendable {
    /// Whether a browser can be opened in this session (there is a display or `$BROWSER`).
    var isAvailable: Bool { get }
    /// Opens `url` in a browser, detached; fails with a reason when there is none.
    func open(_ url: String) throws(BrowserFailure)
}
