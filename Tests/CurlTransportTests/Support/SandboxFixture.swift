import CurlTransport
import Foundation
import OpenConnectors
import Sandbox
import Testing

/// A running sandbox on 127.0.0.1 with a real `CurlTransport` and client in front of it.
///
/// Each test makes its own with `withSandbox`, so tests running in parallel never share state.
struct SandboxFixture: Sendable {
    /// The callback URL the test Azure app uses.
    static let callbackURL = "https://wizard.example.com/oauth/callback"
    /// The signature key the test instances carry (a secret the logs must not show).
    static let signatureKey = "sig-key-5f2a9c"
    /// The `state` the tests' sign-ins use.
    static let state = "ocw-test-state"

    /// The running sandbox.
    let server: SandboxServer
    /// The sandbox's settings (secrets included).
    let configuration: SandboxConfiguration
    /// `http://127.0.0.1:PORT/elements/api-v2`.
    let baseURL: String
    /// The transport under test.
    let transport: CurlTransport
    /// A client over `transport` with the sandbox's secrets.
    let client: OpenConnectorsClient
    /// A second transport for `/sandbox/...` control calls, which must not queue behind the
    /// request under test (one `CurlTransport` sends one request at a time).
    let control = CurlTransport()

    /// The sandbox's user and organization secrets.
    var credentials: Credentials {
        Credentials(userSecret: Secret(configuration.userSecret), organizationSecret: Secret(configuration.organizationSecret))
    }

    /// `http://127.0.0.1:PORT`, the sandbox's origin, for `/sandbox/...` control calls.
    var origin: String {
        String(baseURL.dropLast(Normalizer.apiPathSuffix.count))
    }

    /// A client for another base URL, other secrets or another transport (a logging one, say).
    func client(baseURL: String? = nil, credentials: Credentials? = nil, transport: (any HTTPTransport)? = nil) -> OpenConnectorsClient {
        OpenConnectorsClient(transport: transport ?? self.transport, baseURL: baseURL ?? self.baseURL,
                             credentials: credentials ?? self.credentials)
    }

    // MARK: - Fault injection

    /// Queues `fault` for the next matching requests.
    func inject(_ fault: SandboxFault) async throws {
        try await server.injectFault(fault)
    }

    /// How many injected faults are still waiting for a request (`GET /sandbox/faults`).
    func pendingFaultCount() async throws -> Int {
        let response = try await control.send(HTTPRequest(method: "GET", url: origin + "/sandbox/faults"))
        return try JSONDecoder().decode([SandboxFault].self, from: Data(response.body)).count
    }

    /// The API path of `suffix`, as faults match it (`/elements/api-v2/instances`).
    static func apiPath(_ suffix: String) -> String {
        Normalizer.apiPathSuffix + suffix
    }

    // MARK: - Sign-in and instances

    /// Signs in the way a browser would and returns the grant code.
    ///
    /// Gets the sign-in URL through the client, then GETs it with the transport, which does not
    /// follow the `302`, and reads `code` from its `Location`.
    func grantCode(callbackURL: String = callbackURL) async throws -> String {
        let redirect = try await client.oauthURL(apiKey: configuration.clientID, apiSecret: Secret(configuration.clientSecret),
                                                 callbackURL: callbackURL, scope: nil, state: Self.state)
        let response = try await transport.send(HTTPRequest(method: "GET", url: redirect.oauthUrl))
        #expect(response.status == 302)
        let location = try #require(response.header("Location"))
        return try GrantCode.parse(location, expectedState: Self.state).get().code.revealed
    }

    /// The filled-in wizard form for a new instance.
    func form(name: String, code: String, apiSecret: String? = nil, callbackURL: String = callbackURL) -> InstanceForm {
        var form = InstanceForm()
        form[.baseURL] = baseURL
        form[.userSecret] = configuration.userSecret
        form[.organizationSecret] = configuration.organizationSecret
        form[.apiKey] = configuration.clientID
        form[.apiSecret] = apiSecret ?? configuration.clientSecret
        form[.callbackURL] = callbackURL
        form[.code] = code
        form.eventsEnabled = true
        form[.eventsCallbackURL] = "https://wizard.example.com/events"
        form[.signatureKey] = Self.signatureKey
        form[.name] = name
        form[.tags] = "ocw-test, \(name)"
        return form
    }

    /// Signs in and creates an instance named `name` through `client`.
    func createInstance(name: String, client: OpenConnectorsClient? = nil) async throws -> Instance {
        let code = try await grantCode()
        return try await (client ?? self.client).createInstance(body: InstanceRequest.body(from: form(name: name, code: code)))
    }
}

/// Starts a sandbox configured by `configure`, runs `body` against it, and stops it whatever happens.
@discardableResult
func withSandbox<Result>(
    configure: (inout SandboxConfiguration) -> Void = { _ in },
    options: CurlTransportOptions = CurlTransportOptions(),
    _ body: (SandboxFixture) async throws -> Result
) async throws -> Result {
    var configuration = SandboxConfiguration()
    configure(&configuration)
    let server = SandboxServer(configuration: configuration)
    _ = try await server.start()
    let transport = CurlTransport(options: options)
    let baseURL = await server.baseURL
    let fixture = SandboxFixture(
        server: server, configuration: configuration, baseURL: baseURL, transport: transport,
        client: OpenConnectorsClient(transport: transport, baseURL: baseURL,
                                     credentials: Credentials(userSecret: Secret(configuration.userSecret),
                                                              organizationSecret: Secret(configuration.organizationSecret))))
    do {
        let result = try await body(fixture)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
