import FoundationEssentials

/// One event the service received for an instance (`GET /instances/{id}/events`, API notes 6.2),
/// read leniently: every field may be missing.
public struct InstanceEvent: Sendable, Equatable {
    /// The event's id (a string or a number on the wire).
    public var id: String?
    /// When it happened, as the service writes it.
    public var eventDate: String?
    /// `NEW`, `RECEIVED`, `DISPATCHED`, `CONSUMED` or `NOTIFIED`.
    public var status: String?
    /// The record as received.
    public var raw: JSONValue

    /// Reads the fields of `raw`.
    public init(_ raw: JSONValue) {
        let text = { (value: JSONValue?) -> String? in
            switch value {
            case .string(let text): text
            case .integer(let number): String(number)
            default: nil
            }
        }
        self.raw = raw
        id = text(raw["id"])
        eventDate = text(raw["eventDate"])
        status = text(raw["status"])
    }
}

extension OpenConnectorsClient {
    /// Every event the service received for instance `id`, newest first: `GET /instances/{id}/events`
    /// page by page (`pageSize`, `nextPage`, `elements-next-page-token`), stopping on a repeated
    /// token or after `maximumPages`. A `404` with the service's error body on a later page ends the list.
    public func listEvents(instanceId id: Int, pageSize: Int = maximumPageSize) async throws(OpenConnectorsError) -> [InstanceEvent] {
        var events: [InstanceEvent] = []
        var next: String?
        let paging = PagingGuard(maximumPages: Self.maximumPages)
        repeat {
            var query: [(String, String)] = [("pageSize", String(min(max(pageSize, 1), Self.maximumPageSize)))]
            if let next { query.append(("nextPage", next)) }
            let response = try await send("GET", "/instances/\(id)/events?" + QueryString.build(query))
            if next != nil, Self.isEmptyListing(response) { break }
            guard case .array(let items) = try decode(JSONValue.self, from: response) else {
                throw .unexpectedBody(status: response.status, detail: "expected a JSON array of events")
            }
            events += items.map(InstanceEvent.init)
            let step = paging.decide(after: response)
            next = items.isEmpty ? nil : step.token
        } while next != nil
        // ISO 8601 dates in one format sort as text; an event without a date goes last.
        return events.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.eventDate ?? "", rhs.element.eventDate ?? "")
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
