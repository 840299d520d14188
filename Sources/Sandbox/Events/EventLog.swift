import Foundation

/// One event the sandbox delivered (or tried to), in the platform's event record shape
/// (API notes 6.2), plus the sandbox's own `deliveries` so a test can see every attempt.
struct WireEvent: Codable, Sendable, Equatable {
    /// One delivery attempt: when, and the receiver's status or why there was none.
    struct Attempt: Codable, Sendable, Equatable {
        var attempt: Int
        var date: String
        var status: Int?
        var error: String?
    }

    var id: String
    var eventDate: String
    /// `DISPATCHED` while being delivered or after every attempt failed, `NOTIFIED` once a receiver answered 2xx.
    var status: String
    var elementInstanceId: Int
    /// The vendor's raw payload, as a string.
    var providerData: String
    /// The notification bodies sent.
    var notifiedData: [String]
    var deliveries: [Attempt]
}

/// The events delivered per instance, newest first when read.
actor EventLog {
    private var events: [WireEvent] = []

    /// Records a new event.
    func add(_ event: WireEvent) { events.append(event) }

    /// Applies `change` to the event with `id`.
    func update(_ id: String, _ change: (inout WireEvent) -> Void) {
        guard let index = events.firstIndex(where: { $0.id == id }) else { return }
        change(&events[index])
    }

    /// The events of `instanceId`, newest first.
    func events(of instanceId: Int) -> [WireEvent] {
        events.filter { $0.elementInstanceId == instanceId }.reversed()
    }
}
