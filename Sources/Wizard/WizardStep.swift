/// The screens of the create wizard, in order.
public enum WizardStep: Int, CaseIterable, Sendable, Comparable {
    case connection, azureApp, authorize, grantCode, events, instance, review, submitting, result

    /// The title shown in "Step N of M · title".
    public var title: String {
        switch self {
        case .connection: "Connection"
        case .azureApp: "Azure app"
        case .authorize: "Authorize"
        case .grantCode: "Grant code"
        case .events: "Events"
        case .instance: "Instance"
        case .review: "Review"
        case .submitting: "Submitting"
        case .result: "Result"
        }
    }

    /// 1-based position.
    public var number: Int { rawValue + 1 }

    public static func < (lhs: WizardStep, rhs: WizardStep) -> Bool { lhs.rawValue < rhs.rawValue }
}
