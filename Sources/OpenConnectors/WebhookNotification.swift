import FoundationEssentials

/// A webhook notification as the platform POSTs it to `event.notification.callback.url`, read
/// leniently (API notes 7.2): `{"message": {"eventId", "instanceId", "events": [...], "raw"}}`, or
/// the older `{"eventId", "instanceId", "response": {"events": [...]}}`.
public struct WebhookNotification: Sendable, Equatable {
    /// One event object of a notification.
    public struct Event: Sendable, Equatable {
        /// `CREATED`, `UPDATED`, `DELETED` or `UNKNOWN`.
        public var eventType: String?
        /// The kind of object, such as `events` (calendar events).
        public var objectType: String?
        /// The object's id at the vendor.
        public var objectId: String?
        /// An event with these fields.
        public init(eventType: String?, objectType: String?, objectId: String?) {
            self.eventType = eventType; self.objectType = objectType; self.objectId = objectId
        }
    }

    /// `message.eventId`.
    public var eventId: String?
    /// `message.instanceId` (or `instance_id`), as text.
    public var instanceId: String?
    /// The events it carries (up to 20 for webhooks).
    public var events: [Event]

    /// A notification with these fields.
    public init(eventId: String?, instanceId: String?, events: [Event]) {
        self.eventId = eventId; self.instanceId = instanceId; self.events = events
    }

    /// Reads `body`, or `nil` when it is not JSON in either shape.
    public init?(body: [UInt8]) {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { return nil }
        let message = json["message"] ?? json
        let list = message["events"] ?? message["response"]?["events"]
        guard message["eventId"] != nil || list != nil else { return nil }
        eventId = Self.text(message["eventId"])
        instanceId = Self.text(message["instanceId"] ?? message["instance_id"])
        guard case .array(let items)? = list else { events = []; return }
        events = items.map { Event(eventType: Self.text($0["eventType"]), objectType: Self.text($0["objectType"]), objectId: Self.text($0["objectId"])) }
    }

    /// A string or number member as text.
    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        default: nil
        }
    }

    /// A sample notification in the documented envelope, for a test delivery: one `UPDATED`
    /// calendar event of `instanceId`, marked as a test in its raw payload.
    public static func sample(eventId: String, instanceId: Int?, date: String) -> JSONValue {
        let event: JSONValue = .object([
            ("elementKey", .string("microsoftgraph")), ("eventType", .string("UPDATED")), ("objectType", .string("events")),
            ("objectId", .string("ocwizard-test-event")), ("date", .string(date)),
        ])
        var message: [(String, JSONValue)] = [("eventId", .string(eventId)), ("elementKey", .string("microsoftgraph"))]
        if let instanceId { message.append(("instanceId", .integer(instanceId))) }
        message += [("events", .array([event])),
                    ("raw", .object([("ocwizardTest", .bool(true)), ("value", .array([.object([("changeType", .string("updated")), ("resource", .string("Users/test/Events/ocwizard-test-event"))])]))]))]
        return .object([("message", .object(message))])
    }
}
