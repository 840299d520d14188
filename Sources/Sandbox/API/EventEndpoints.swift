import Foundation

extension SandboxAPI {
    /// `POST /sandbox/instances/{id}/events`: makes a calendar change happen — the instance's
    /// receiver gets a signed notification (in the background, with retries) and the event is
    /// recorded for `GET /instances/{id}/events`. Answers 202 with the event record; 409 when the
    /// instance has events off or no callback URL.
    func triggerEvent(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        guard let number = Int(id), let record = await store.record(id: number) else {
            throw Self.unknownInstance(id)
        }
        guard record.eventsEnabled, let callback = record.configuration[InstanceRecord.eventsCallbackKey],
              let url = URL(string: callback), url.scheme == "http" || url.scheme == "https" else {
            throw APIError(status: 409, message: "Instance \(id) has no events to deliver: set event.notification.enabled to true and an http(s) event.notification.callback.url.")
        }
        var random = SystemRandomNumberGenerator()
        let eventId = RandomText.uuid(using: &random)
        let date = Timestamp.string(from: configuration.now())
        let objectId = "AAMkAD" + RandomText.hex(byteCount: 8, using: &random)
        let body = EventDelivery.body(eventId: eventId, instanceId: number, objectId: objectId, date: date)
        let signature = try EventDelivery.signature(of: body, key: record.configuration["event.notification.signature.key"])
        let event = WireEvent(id: eventId, eventDate: date, status: "DISPATCHED", elementInstanceId: number,
                              providerData: #"{"value":[{"changeType":"updated","resource":"Users/sandbox/Events/\#(objectId)"}]}"#,
                              notifiedData: [String(decoding: body, as: UTF8.self)], deliveries: [])
        await events.add(event)
        let log = events
        let delivery = EventDelivery(url: url, body: body, eventId: eventId, signature: signature)
        Task.detached {
            await delivery.run { attempt in
                await log.update(eventId) { event in
                    event.deliveries.append(attempt)
                    if let status = attempt.status, (200..<300).contains(status) { event.status = "NOTIFIED" }
                }
            }
        }
        return .json(event, status: 202)
    }

    /// `GET /instances/{id}/events`: what was delivered for the instance, newest first, paged with
    /// `pageSize` and `nextPage` like the instance listing.
    func listEvents(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        guard let number = Int(id), await store.record(id: number) != nil else {
            throw Self.unknownInstance(id)
        }
        let all = await events.events(of: number)
        let pageSize = min(max(Int(request.queryValue("pageSize") ?? "") ?? 200, 1), 200)
        let start = min(Int(request.queryValue("nextPage") ?? "") ?? 0, all.count)
        let end = min(start + pageSize, all.count)
        var headers = [("elements-total-count", String(all.count))]
        if end < all.count { headers.append(("elements-next-page-token", String(end))) }
        return .json(Array(all[start..<end]), headers: headers)
    }
}
