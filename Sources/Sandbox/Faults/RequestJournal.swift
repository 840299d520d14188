/// One request as the sandbox received it: its method and decoded path (no headers or body, which
/// carry secrets).
public struct ReceivedRequest: Sendable, Equatable, CustomStringConvertible {
    /// `GET`, `POST`, …
    public var method: String
    /// The decoded path, without the query.
    public var path: String

    /// `POST /elements/api-v2/instances`.
    public var description: String { "\(method) \(path)" }
}

/// The requests a sandbox received, oldest first, so tests can count them (a request sent twice
/// by a retrying client shows up twice). Keeps the latest `capacity` entries.
actor RequestJournal {
    /// How many entries are kept; older ones are dropped.
    static let capacity = 10_000
    private var received: [ReceivedRequest] = []

    /// Notes one request.
    func record(method: String, path: String) {
        if received.count == Self.capacity { received.removeFirst(received.count / 2) }
        received.append(ReceivedRequest(method: method, path: path))
    }

    /// The requests noted so far.
    func entries() -> [ReceivedRequest] {
        received
    }
}
