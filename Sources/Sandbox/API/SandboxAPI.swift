import Foundation

/// What the transport does with one request: answer it, cut the answer short, or hang up.
enum SandboxOutcome: Sendable {
    /// Send this response.
    case respond(SandboxResponse)
    /// Send this response's headers and half its body under the full `Content-Length`, then close.
    case truncate(SandboxResponse)
    /// Close the connection without answering.
    case drop
    /// End the connection with a TCP reset, without answering.
    case reset
}

/// The sandbox's behaviour, independent of the HTTP server: routing, checks and endpoints.
struct SandboxAPI: Sendable {
    /// Credentials, clock and generated-data settings.
    let configuration: SandboxConfiguration
    /// The instances.
    let store: InstanceStore
    /// The authorization codes issued by `/sandbox/authorize`.
    let codes: AuthorizationCodeBook
    /// Faults waiting to be played.
    let faults: FaultInjector
    /// The requests received so far.
    let journal: RequestJournal
    /// The events delivered (`POST /sandbox/instances/{id}/events`).
    let events = EventLog()

    /// Creates the API over the given stores.
    init(configuration: SandboxConfiguration, store: InstanceStore, faults: FaultInjector, journal: RequestJournal) {
        self.configuration = configuration
        self.store = store
        self.faults = faults
        self.journal = journal
        self.codes = AuthorizationCodeBook(
            apps: [configuration.clientID: configuration.clientSecret],
            now: configuration.now
        )
    }

    /// Plays a pending fault for `request` if one matches, and otherwise answers it normally.
    func outcome(for request: SandboxRequest) async -> SandboxOutcome {
        guard Route.match(path: request.path) != .faults else { return .respond(await respond(to: request)) }
        await journal.record(method: request.method, path: request.path)
        guard let fault = await faults.take(method: request.method, path: request.path)
        else { return .respond(await respond(to: request)) }
        // A handled request has its side effects now, whatever its answer becomes.
        let handledResponse = fault.handled ? await respond(to: request) : nil
        if fault.delayMs > 0 {
            try? await Task.sleep(for: .milliseconds(fault.delayMs))
        }
        if fault.drop { return .drop }
        if fault.reset { return .reset }
        if let status = fault.status {
            var response = errorResponse(APIError(status: status, message: fault.message ?? "Injected fault: HTTP \(status)."))
            if let location = fault.location { response.headers.append(("Location", location)) }
            return .respond(response)
        }
        if let body = fault.body {
            return .respond(SandboxResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data(body.utf8)))
        }
        if fault.malformed {
            return .respond(SandboxResponse(
                status: 200,
                headers: [("Content-Type", "application/json")],
                body: Data("<html><body>Injected fault: this is not JSON {\"id\": </body></html>".utf8)
            ))
        }
        let response = if let handledResponse { handledResponse } else { await respond(to: request) }
        return fault.truncated ? .truncate(response) : .respond(response)
    }

    /// Routes `request` to its endpoint and turns every failure into the service's error body.
    func respond(to request: SandboxRequest) async -> SandboxResponse {
        do {
            guard let route = Route.match(path: request.path) else {
                throw APIError.notFound("No resource found at \(request.path).")
            }
            guard route.allowedMethods.contains(request.method) else {
                throw APIError.methodNotAllowed(request.method, allowed: route.allowedMethods)
            }
            return try await dispatch(request, to: route)
        } catch let error as APIError {
            return errorResponse(error)
        } catch {
            return errorResponse(.internalError("The sandbox failed: \(error)"))
        }
    }

    /// Calls the endpoint of `route`.
    private func dispatch(_ request: SandboxRequest, to route: Route) async throws -> SandboxResponse {
        switch route {
        case .authorize:
            return await authorize(request)
        case .faults:
            return try await controlFaults(request)
        case .triggerEvent(let id):
            return try await triggerEvent(request, id: id)
        default:
            guard request.acceptsJSON else { throw APIError.notAcceptable }
        }
        switch (route, request.method) {
        case (.oauthURL(let element), _):
            return try oauthURL(request, elementKey: element)
        case (.instances, "GET"):
            return try await listInstances(request, elementKey: nil)
        case (.elementInstances(let element), "GET"):
            return try await listInstances(request, elementKey: element)
        case (.instances, _):
            return try await createInstance(request, elementKey: nil)
        case (.elementInstances(let element), _):
            return try await createInstance(request, elementKey: element)
        case (.instance(let id), "GET"):
            return try await readInstance(request, id: id)
        case (.instance(let id), "PATCH"):
            return try await patchInstance(request, id: id)
        case (.instance(let id), "PUT"):
            return try await putInstance(request, id: id)
        case (.instance(let id), _):
            return try await deleteInstance(request, id: id)
        case (.instanceEnabled(let id), let method):
            return try await setEnabled(request, id: id, enabled: method == "PUT")
        case (.instanceEvents(let id), _):
            return try await listEvents(request, id: id)
        case (.authorize, _), (.faults, _), (.triggerEvent, _):
            preconditionFailure("handled above")
        }
    }

    /// The wire form of `record` as this sandbox writes it (booleans as strings with `string-booleans`).
    func wire(_ record: InstanceRecord, hydrated: Bool = true) -> WireInstance {
        record.wire(hydrated: hydrated, stringBooleans: configuration.plays(.stringBooleans))
    }

    /// The error body for `error`, with a fresh request id.
    func errorResponse(_ error: APIError) -> SandboxResponse {
        var random = SystemRandomNumberGenerator()
        let body = WireError(
            requestId: RandomText.hex(byteCount: 12, using: &random),
            message: error.message,
            providerMessage: error.providerMessage
        )
        return .json(body, status: error.status, headers: error.headers)
    }

    /// `401` unless the `Authorization` header carries this sandbox's User and Organization secrets.
    func requirePlatformAuthorization(_ request: SandboxRequest) throws(APIError) {
        let authorization = PlatformAuthorization(header: request.header("authorization") ?? "")
        guard authorization.user == configuration.userSecret,
              authorization.organization == configuration.organizationSecret
        else { throw .unauthorized }
    }

    /// `415` unless the body is declared as JSON.
    func requireJSONBody(_ request: SandboxRequest) throws(APIError) {
        guard request.hasJSONContentType else { throw .unsupportedMediaType }
    }

    /// The connector for `keyOrID`, or `404`.
    func element(_ keyOrID: String) throws(APIError) -> CatalogElement {
        guard let element = ElementCatalog.element(keyOrID) else {
            throw .notFound("No element found with key or id '\(keyOrID)'.")
        }
        return element
    }
}
