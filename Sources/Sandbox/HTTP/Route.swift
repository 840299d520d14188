/// The paths the sandbox serves, and the methods each one allows.
enum Route: Equatable, Sendable {
    /// `/elements/api-v2/elements/{keyOrId}/oauth/url`
    case oauthURL(element: String)
    /// `/elements/api-v2/elements/{keyOrId}/instances`
    case elementInstances(element: String)
    /// `/elements/api-v2/instances`
    case instances
    /// `/elements/api-v2/instances/{id}`
    case instance(id: String)
    /// `/elements/api-v2/instances/{id}/enabled`
    case instanceEnabled(id: String)
    /// `/sandbox/authorize`: the stand-in for Microsoft's sign-in and consent page.
    case authorize
    /// `/sandbox/faults`: the fault-injection control endpoint.
    case faults
    /// `/sandbox/instances/{id}/events`: makes the instance's receiver get a notification.
    case triggerEvent(id: String)
    /// `/elements/api-v2/instances/{id}/events`: the events delivered for an instance.
    case instanceEvents(id: String)

    /// The path prefix of every platform API call.
    static let apiPrefix = "/elements/api-v2"

    /// The route for a decoded `path`, or `nil` when no route has that shape.
    static func match(path: String) -> Route? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments == ["sandbox", "authorize"] { return .authorize }
        if segments == ["sandbox", "faults"] { return .faults }
        if segments.count == 4, segments[0] == "sandbox", segments[1] == "instances", segments[3] == "events", !segments[2].isEmpty {
            return .triggerEvent(id: segments[2])
        }
        guard segments.count >= 3, segments[0] == "elements", segments[1] == "api-v2",
              !segments.contains("") else { return nil }
        let rest = Array(segments.dropFirst(2))
        switch (rest.count, rest[0]) {
        case (4, "elements") where rest[2] == "oauth" && rest[3] == "url": return .oauthURL(element: rest[1])
        case (3, "elements") where rest[2] == "instances": return .elementInstances(element: rest[1])
        case (1, "instances"): return .instances
        case (2, "instances"): return .instance(id: rest[1])
        case (3, "instances") where rest[2] == "enabled": return .instanceEnabled(id: rest[1])
        case (3, "instances") where rest[2] == "events": return .instanceEvents(id: rest[1])
        default: return nil
        }
    }

    /// The methods this route answers; any other gets `405`.
    var allowedMethods: [String] {
        switch self {
        case .oauthURL, .elementInstances, .instances: ["GET", "POST"]
        case .instance: ["GET", "PATCH", "PUT", "DELETE"]
        case .instanceEnabled: ["PUT", "DELETE"]
        case .authorize: ["GET"]
        case .faults: ["GET", "POST", "DELETE"]
        case .triggerEvent: ["POST"]
        case .instanceEvents: ["GET"]
        }
    }
}
