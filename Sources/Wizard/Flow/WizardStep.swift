/// Names a step of a journey: a stable key and the title every driver shows.
///
/// Open rather than an enum, so a journey can hold a step defined anywhere (a test adds one).
/// Equality and hashing use the key only.
public struct WizardStep: Sendable, Hashable, CustomStringConvertible {
    /// A stable key ("connection").
    public let key: String
    /// The title shown in "Step N of M · title".
    public let title: String

    /// A step named `key`, titled `title`.
    public init(_ key: String, title: String) { self.key = key; self.title = title }

    public static func == (lhs: WizardStep, rhs: WizardStep) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public var description: String { key }

    public static let connection = WizardStep("connection", title: "Connection")
    public static let azureApp = WizardStep("azureApp", title: "Azure app")
    public static let authorize = WizardStep("authorize", title: "Authorize")
    public static let grantCode = WizardStep("grantCode", title: "Grant code")
    public static let events = WizardStep("events", title: "Events")
    public static let instance = WizardStep("instance", title: "Instance")
    public static let review = WizardStep("review", title: "Review")
    public static let submitting = WizardStep("submitting", title: "Submitting")
    public static let result = WizardStep("result", title: "Result")
}
