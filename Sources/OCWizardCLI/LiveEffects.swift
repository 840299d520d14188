import FoundationEssentials
import OpenConnectors
import SystemPorts
import Wizard

/// Performs the wizard's effects: API calls over the transport; files, browser and randomness through the ports.
struct LiveEffects: EffectPerformer {
    /// The transport shared by every call of the run (one connection, one TLS handshake).
    let transport: any HTTPTransport
    /// The operating system's side.
    let ports: Ports
    /// The loopback listener of the sign-in, while one runs.
    let listeners = RedirectListeners()

    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async {
        if case .listInstances(let baseURL, let credentials) = effect {
            await listPages(client(baseURL, credentials), emit: emit)
        } else if case .listenForRedirect(let callback, let expectedState) = effect {
            await listeners.listen(callback, expectedState: expectedState, with: ports.loopback, emit: emit)
        } else if case .stopListening = effect {
            await listeners.stop()
        } else if let result = await single(effect) {
            emit(result)
        }
    }

    /// Streams a listing page by page with the client's own paging (and its guard against a
    /// repeated next-page token); an error ends it.
    private func listPages(_ client: OpenConnectorsClient, emit: @escaping @Sendable (EffectResult) -> Void) async {
        do {
            try await client.forEachPage { emit(.instancesPage(.success($0))) }
        } catch {
            emit(.instancesPage(.failure(error)))
        }
    }

    /// Runs an effect with one result.
    private func single(_ effect: Effect) async -> EffectResult? {
        switch effect {
        case .verifyCredentials(let baseURL, let credentials):
            return .credentialsVerified(await outcome { try await client(baseURL, credentials).verifyCredentials(); return Done() })
        case .fetchAuthorizationURL(let request):
            return .authorizationURL(await outcome {
                try await client(request.baseURL, request.credentials).oauthURL(
                    apiKey: request.apiKey, apiSecret: request.apiSecret, callbackURL: request.callbackURL, scope: request.scope, state: request.state)
            })
        case .simulateSignIn(let url):
            return .signInSimulated(await outcome { try await followSignIn(url) })
        case .createInstance(let baseURL, let credentials, let body):
            return .instanceCreated(await outcome { try await client(baseURL, credentials).createInstance(body: body) })
        case .findInstances(let baseURL, let credentials, let lookup):
            return .instancesFound(await outcome { try await client(baseURL, credentials).findInstances(lookup, now: Date()) })
        case .openBrowser(let url):
            return .browserOpened(Result { () throws(BrowserFailure) in try ports.browser.open(url); return Done() })
        case .generateSignatureKey:
            return .signatureKeyGenerated(Randomness(source: ports.random).signatureKey())
        case .saveFile(let path, let contents, let overwrite):
            return .fileSaved(ports.writePrivate(contents, to: path, overwrite: overwrite))
        case .loadInstance(let baseURL, let credentials, let id):
            return .instanceLoaded(await outcome { try await client(baseURL, credentials).getInstance(id: id) })
        case .reauthenticate(let request):
            return .instanceReauthenticated(await outcome {
                try await client(request.baseURL, request.credentials).reauthenticate(
                    id: request.id, code: request.code, apiKey: request.apiKey, apiSecret: request.apiSecret, callbackURL: request.callbackURL)
            })
        case .enableInstance(let baseURL, let credentials, let id):
            return .instanceEnabled(await outcome { try await client(baseURL, credentials).setEnabled(id: id, true); return Done() })
        case .deleteInstance(let baseURL, let credentials, let id):
            return .instanceDeleted(await outcome { try await client(baseURL, credentials).deleteInstance(id: id); return Done() })
        case .sendTestEvent(let request):
            return .testEventSent(await testEvent(request))
        case .cancelRequest, .copyToClipboard, .quit, .startCreate, .listInstances, .listenForRedirect, .stopListening:
            return nil
        }
    }

    /// Signs and sends a sample notification over the run's transport (TLS verified, proxies as for
    /// every request), and says what the receiver's answer means.
    private func testEvent(_ request: TestEventRequest) async -> TestEventReport {
        let delivery = TestDelivery(url: request.url, key: request.signatureKey, instanceId: request.instanceId, slowAfter: TestDelivery.defaultSlowAfter)
        do {
            let outcome = try await delivery.deliver(eventId: TestDelivery.newEventId(random: ports.random), through: transport)
            return TestEventReport(isGood: delivery.isGood(outcome), lines: delivery.report(outcome))
        } catch {
            return TestEventReport(isGood: false, lines: ["✗ \(error.reason)"])
        }
    }

    private func client(_ baseURL: String, _ credentials: Credentials) -> OpenConnectorsClient {
        OpenConnectorsClient(transport: transport, baseURL: baseURL, credentials: credentials)
    }

    /// Opens the sandbox's sign-in URL once and returns where it redirects (the address with the code).
    private func followSignIn(_ url: String) async throws(OpenConnectorsError) -> String {
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: "GET", url: url))
        } catch let error as TransportError {
            throw .transport(error)
        } catch {
            throw .transport(.cancelled)
        }
        guard (300..<400).contains(response.status), let location = response.header("Location") else {
            throw .unexpectedBody(status: response.status, detail: "the sign-in page did not redirect")
        }
        return location
    }

    private func outcome<T: Sendable>(_ body: () async throws -> T) async -> Result<T, OpenConnectorsError> {
        do {
            return .success(try await body())
        } catch let error as OpenConnectorsError {
            return .failure(error)
        } catch {
            return .failure(.transport(.other(code: -1, detail: String(describing: error))))
        }
    }
}
