import Foundation
import Sandbox
import Testing

/// A sandbox started on a free port for one test, with helpers that speak its API.
struct RunningSandbox: Sendable {
    /// The server under test.
    let server: SandboxServer
    /// Its port on 127.0.0.1.
    let port: UInt16
    /// The clock it reads.
    let clock: TestClock

    /// The redirect URI the helpers consent with.
    static let redirectURI = "http://localhost:8765/callback"
    /// The default `Authorization` header.
    static let authorization = ("Authorization", "User sandbox-user, Organization sandbox-org")

    /// Sends a request; paths not starting with `/sandbox` are under `/elements/api-v2`.
    func send(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: Data? = nil,
        authorized: Bool = true
    ) async throws -> RawResponse {
        let target = path.hasPrefix("/sandbox") ? path : "/elements/api-v2" + path
        return try await RawHTTPClient.send(
            port: port, method: method, target: target,
            headers: (authorized ? [Self.authorization] : []) + headers, body: body
        )
    }

    /// Sends `object` as a JSON body with `Content-Type: application/json`.
    func sendJSON(_ method: String, _ path: String, _ object: Any, authorized: Bool = true) async throws -> RawResponse {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try await send(method, path, headers: [("Content-Type", "application/json")], body: body, authorized: authorized)
    }

    /// Follows an absolute URL served by this sandbox (e.g. an `oauthUrl`).
    func follow(_ url: String) async throws -> RawResponse {
        let components = try #require(URLComponents(string: url))
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        return try await RawHTTPClient.send(port: port, method: "GET", target: components.percentEncodedPath + query)
    }

    /// The query items of a redirect's `Location`.
    static func redirectQuery(_ response: RawResponse) throws -> [String: String] {
        let location = try #require(response.headers["location"])
        let items = try #require(URLComponents(string: location)?.queryItems)
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs the consent flow (oauth url → /sandbox/authorize) and returns the code.
    func consentCode(redirectURI: String = redirectURI, clientID: String = "5a4db0c5-c11e-4d1d-a000-000000000001") async throws -> String {
        let escaped = redirectURI.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? redirectURI
        let urlResponse = try await send(
            "GET", "/elements/microsoftgraph/oauth/url?apiKey=\(clientID)&apiSecret=x&callbackUrl=\(escaped)&state=s1"
        )
        let oauthURL = try #require(urlResponse.object["oauthUrl"] as? String)
        let consent = try await follow(oauthURL)
        #expect(consent.status == 302)
        return try #require(try Self.redirectQuery(consent)["code"])
    }

    /// A `POST /instances` body with the default app and redirect URI.
    static func instanceBody(
        name: String = "alice", code: String, redirectURI: String = redirectURI,
        clientSecret: String = "sandbox-client-secret", configuration extra: [String: Any] = [:], tags: [Any]? = nil
    ) -> [String: Any] {
        var configuration: [String: Any] = [
            "oauth.api.key": "5a4db0c5-c11e-4d1d-a000-000000000001",
            "oauth.api.secret": clientSecret,
            "oauth.callback.url": redirectURI,
        ]
        configuration.merge(extra) { $1 }
        var body: [String: Any] = [
            "element": ["key": "microsoftgraph"],
            "name": name,
            "providerData": ["code": code],
            "configuration": configuration,
        ]
        if let tags { body["tags"] = tags }
        return body
    }

    /// Consents and creates an instance; returns the response.
    func createInstance(name: String = "alice", tags: [Any]? = nil, configuration: [String: Any] = [:]) async throws -> RawResponse {
        let code = try await consentCode()
        return try await sendJSON("POST", "/instances", Self.instanceBody(name: name, code: code, configuration: configuration, tags: tags))
    }

    /// Consents, creates an instance and returns its id (the request must succeed).
    func createdInstanceID(name: String = "alice", tags: [Any]? = nil) async throws -> Int {
        let response = try await createInstance(name: name, tags: tags)
        #expect(response.status == 200, "\(response.text)")
        return try #require(response.object["id"] as? Int)
    }
}

/// Starts a sandbox with a test clock (and `configure`'s changes), runs `body`, then stops it.
func withSandbox(
    _ configure: (inout SandboxConfiguration) -> Void = { _ in },
    _ body: (RunningSandbox) async throws -> Void
) async throws {
    let clock = TestClock()
    var configuration = SandboxConfiguration()
    configuration.now = { clock.now() }
    configure(&configuration)
    let server = SandboxServer(configuration: configuration)
    let port = try await server.start()
    do {
        try await body(RunningSandbox(server: server, port: port, clock: clock))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Whether `text` looks like a service request id (24 hex digits).
func isRequestID(_ text: Any?) -> Bool {
    guard let text = text as? String else { return false }
    return text.count == 24 && text.allSatisfy(\.isHexDigit)
}
