/// A misbehaviour the sandbox plays for the next `count` requests under `path`, for tests of
/// clients: a delay, an error status, a malformed or truncated body, or a dropped or reset connection.
///
/// With `handled`, the request is handled first (an instance is created, a code redeemed) and
/// the fault is played on its answer: the answers a client loses although the service acted.
///
/// The JSON form (`POST /sandbox/faults`) has the same field names; every field but `path`
/// is optional. At most one of `status`, `body`, `malformed`, `truncated`, `drop` and `reset` may be set.
public struct SandboxFault: Codable, Sendable, Equatable {
    /// Requests whose path starts with this (e.g. `/elements/api-v2/instances`) are affected.
    public var path: String
    /// Only requests with this method are affected (any case); `nil` matches every method.
    public var method: String?
    /// How many requests are affected before the fault is used up.
    public var count: Int
    /// Milliseconds to wait before answering (then the answer is normal unless another option is set).
    public var delayMs: Int
    /// Answer this status with an ordinary error body instead of the real answer.
    public var status: Int?
    /// The `message` of that error body (a default names the injected status).
    public var message: String?
    /// With `status`, a `Location` header on that answer: a redirect (to another host, say) that
    /// a client must not follow.
    public var location: String?
    /// Answer `200` with exactly this body (as `application/json`): a success whose content is
    /// wrong, such as an instance without a token.
    public var body: String?
    /// Answer `200` with a body that is not JSON.
    public var malformed: Bool
    /// Handle the request, then send half the body under the full `Content-Length` and close.
    public var truncated: Bool
    /// Close the connection without any answer (the request is not handled unless `handled`).
    public var drop: Bool
    /// Like `drop`, but end the connection with a TCP reset (RST) instead of an orderly close.
    public var reset: Bool
    /// Handle the request before playing the rest (the delay, drop, status or malformed body),
    /// so its side effects happen although the client does not get the real answer.
    public var handled: Bool

    /// Creates a fault; the defaults affect one request and change nothing.
    public init(
        path: String, method: String? = nil, count: Int = 1, delayMs: Int = 0, status: Int? = nil,
        message: String? = nil, location: String? = nil, body: String? = nil, malformed: Bool = false, truncated: Bool = false,
        drop: Bool = false, reset: Bool = false, handled: Bool = false
    ) {
        self.path = path
        self.method = method
        self.count = count
        self.delayMs = delayMs
        self.status = status
        self.message = message
        self.location = location
        self.body = body
        self.malformed = malformed
        self.truncated = truncated
        self.drop = drop
        self.reset = reset
        self.handled = handled
    }

    /// Decodes the JSON form, filling in the defaults of missing fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try container.decode(String.self, forKey: .path),
            method: try container.decodeIfPresent(String.self, forKey: .method),
            count: try container.decodeIfPresent(Int.self, forKey: .count) ?? 1,
            delayMs: try container.decodeIfPresent(Int.self, forKey: .delayMs) ?? 0,
            status: try container.decodeIfPresent(Int.self, forKey: .status),
            message: try container.decodeIfPresent(String.self, forKey: .message),
            location: try container.decodeIfPresent(String.self, forKey: .location),
            body: try container.decodeIfPresent(String.self, forKey: .body),
            malformed: try container.decodeIfPresent(Bool.self, forKey: .malformed) ?? false,
            truncated: try container.decodeIfPresent(Bool.self, forKey: .truncated) ?? false,
            drop: try container.decodeIfPresent(Bool.self, forKey: .drop) ?? false,
            reset: try container.decodeIfPresent(Bool.self, forKey: .reset) ?? false,
            handled: try container.decodeIfPresent(Bool.self, forKey: .handled) ?? false
        )
    }

    /// Why a fault cannot be played.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// A sentence naming the offending field.
        public var description: String
    }

    /// `self` if it can be played, otherwise the reason it cannot.
    public func validated() throws(Invalid) -> SandboxFault {
        let actions = [status != nil, body != nil, malformed, truncated, drop, reset].filter { $0 }.count
        if !path.hasPrefix("/") { throw Invalid(description: "path must start with '/'.") }
        if count < 1 { throw Invalid(description: "count must be at least 1.") }
        if !(0...600_000).contains(delayMs) { throw Invalid(description: "delayMs must be between 0 and 600000.") }
        if let status, !(100...599).contains(status) { throw Invalid(description: "status must be between 100 and 599.") }
        if actions > 1 { throw Invalid(description: "set at most one of status, body, malformed, truncated, drop and reset.") }
        if location != nil && status == nil { throw Invalid(description: "location goes with a status (a 3xx).") }
        return self
    }

    /// Whether a request with `method` and decoded `path` is affected.
    func matches(method: String, path: String) -> Bool {
        path.hasPrefix(self.path) && (self.method.map { $0.caseInsensitiveCompare(method) == .orderedSame } ?? true)
    }
}
