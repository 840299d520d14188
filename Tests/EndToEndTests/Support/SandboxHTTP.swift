import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small client of the sandbox's HTTP API, as a test checks what the wizard did.
struct SandboxHTTP: Sendable {
    /// `http://127.0.0.1:PORT/elements/api-v2`.
    let baseURL: String
    /// The sandbox's default platform credentials.
    static let authorization = "User sandbox-user, Organization sandbox-org"

    /// An answer: status, headers (lower-cased names) and body.
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        /// The body as a JSON object.
        func object() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw Unexpected(description: "not a JSON object: \(String(decoding: body, as: UTF8.self))")
            }
            return object
        }
    }

    /// The server answered something the test did not expect.
    struct Unexpected: Error, CustomStringConvertible { let description: String }

    /// `GET /instances/{id}`: the instance, token included.
    func instance(id: String) async throws -> [String: Any] {
        let reply = try await Self.send("GET", "\(baseURL)/instances/\(id)", headers: platformHeaders)
        guard reply.status == 200 else { throw Unexpected(description: "GET /instances/\(id): \(reply.status) \(String(decoding: reply.body, as: UTF8.self))") }
        return try reply.object()
    }

    /// `GET /instances`: every instance.
    func instances() async throws -> [[String: Any]] {
        let reply = try await Self.send("GET", "\(baseURL)/instances", headers: platformHeaders)
        guard reply.status == 200, let list = try JSONSerialization.jsonObject(with: reply.body) as? [[String: Any]] else {
            throw Unexpected(description: "GET /instances: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        return list
    }

    /// `POST /instances` for a `microsoftgraph` instance with the sandbox's Azure app.
    func createInstance(name: String, code: String, callbackURL: String, tags: [String] = []) async throws -> Reply {
        var body: [String: Any] = [
            "element": ["key": "microsoftgraph"],
            "name": name,
            "providerData": ["code": code],
            "configuration": [
                "oauth.api.key": "5a4db0c5-c11e-4d1d-a000-000000000001",
                "oauth.api.secret": "sandbox-client-secret",
                "oauth.callback.url": callbackURL,
            ],
        ]
        if !tags.isEmpty { body["tags"] = tags }
        return try await Self.send("POST", "\(baseURL)/instances", headers: platformHeaders + [("Content-Type", "application/json")],
                                   body: try JSONSerialization.data(withJSONObject: body))
    }

    /// A new `microsoftgraph` instance, made as a person would without the wizard: ask for the
    /// sign-in URL, sign in (the sandbox consents at once), and create the instance with the code.
    /// Returns the created instance, token included.
    func createSignedInInstance(name: String, tags: [String] = [], callbackURL: String = "https://localhost/ocwizard/callback") async throws -> [String: Any] {
        var components = URLComponents(string: "\(baseURL)/elements/microsoftgraph/oauth/url")!
        components.queryItems = [
            URLQueryItem(name: "apiKey", value: "5a4db0c5-c11e-4d1d-a000-000000000001"),
            URLQueryItem(name: "apiSecret", value: "sandbox-client-secret"),
            URLQueryItem(name: "callbackUrl", value: callbackURL),
        ]
        let url = components.url!.absoluteString
        let reply = try await Self.send("GET", url, headers: platformHeaders)
        guard reply.status == 200, let signInURL = try reply.object()["oauthUrl"] as? String else {
            throw Unexpected(description: "GET oauth/url: \(reply.status) \(String(decoding: reply.body, as: UTF8.self))")
        }
        let redirect = try await Self.signIn(signInURL)
        guard let code = URLComponents(string: redirect)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw Unexpected(description: "no code in the redirect: \(redirect)")
        }
        let created = try await createInstance(name: name, code: code, callbackURL: callbackURL, tags: tags)
        guard created.status == 200 else {
            throw Unexpected(description: "POST /instances: \(created.status) \(String(decoding: created.body, as: UTF8.self))")
        }
        return try created.object()
    }

    /// The HTTP status of `GET /instances/{id}` (404 once it was deleted).
    func status(ofInstance id: String) async throws -> Int {
        try await Self.send("GET", "\(baseURL)/instances/\(id)", headers: platformHeaders).status
    }

    /// Follows a sign-in URL of the sandbox (`/sandbox/authorize?…`) as a browser would, up to
    /// its redirect, and returns the redirected address (`Location`) with the code in it.
    static func signIn(_ signInURL: String) async throws -> String {
        let reply = try await send("GET", signInURL, headers: [])
        guard reply.status == 302, let location = reply.headers["location"] else {
            throw Unexpected(description: "GET \(signInURL): \(reply.status), no redirect: \(String(decoding: reply.body, as: UTF8.self))")
        }
        return location
    }

    private var platformHeaders: [(String, String)] {
        [("Authorization", Self.authorization), ("Accept", "application/json")]
    }

    /// One request, redirects not followed.
    static func send(_ method: String, _ url: String, headers: [(String, String)], body: Data? = nil) async throws -> Reply {
        guard let target = URL(string: url) else { throw Unexpected(description: "not a URL: \(url)") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        // The completion-handler API from a dispatch thread: corelibs' async `data(for:)` blocks
        // its caller in `DispatchQueue.sync`, and two of those at once held both threads of the
        // cooperative pool, stalling every in-process sandbox of the test run for 30 s.
        let prepared = request
        let (data, response) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
            DispatchQueue.global().async {
                session.dataTask(with: prepared) { data, response, error in
                    if let error { continuation.resume(throwing: error) } else if let response {
                        continuation.resume(returning: (data ?? Data(), response))
                    } else {
                        continuation.resume(throwing: Unexpected(description: "no response from \(url)"))
                    }
                }.resume()
            }
        }
        guard let http = response as? HTTPURLResponse else { throw Unexpected(description: "no HTTP response from \(url)") }
        var names: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { names[name.lowercased()] = value }
        }
        return Reply(status: http.statusCode, headers: names, body: data)
    }

    private static let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
}

/// Stops URLSession from following redirects: the test wants the `Location`.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
