import FoundationEssentials

/// The Open Connectors platform API, written against any `HTTPTransport`.
public struct OpenConnectorsClient: Sendable {
    /// Largest page the service serves.
    public static let maximumPageSize = 200
    /// What the service returns instead of a secret configuration value.
    static let maskedValue = "********"

    let transport: any HTTPTransport
    /// The normalized API base, ending in `/elements/api-v2`.
    public let baseURL: String
    private let credentials: Credentials

    /// Makes a client for `baseURL` with the user and organization secrets.
    public init(transport: any HTTPTransport, baseURL: String, credentials: Credentials) {
        self.transport = transport
        self.baseURL = Normalizer.baseURL(baseURL)
        self.credentials = credentials
    }

    /// Asks for the Microsoft sign-in URL with the documented call, `GET
    /// /elements/microsoftgraph/oauth/url` and a query, falling back to `POST` with a JSON body
    /// when `GET` is refused for any reason but wrong secrets (401) or a forbidden account (403).
    ///
    /// The query holds `apiSecret`: the URL is never logged in full (`URLRedaction`). When both
    /// are refused, the documented call's refusal is reported.
    public func oauthURL(apiKey: String, apiSecret: Secret, callbackURL: String, scope: String?, state: String?) async throws(OpenConnectorsError) -> OAuthRedirect {
        let path = "/elements/\(ParameterTable.connectorKey)/oauth/url"
        var fields: [(String, JSONValue)] = [("apiKey", .string(apiKey)), ("apiSecret", .string(apiSecret.revealed)), ("callbackUrl", .string(callbackURL))]
        if let scope, !scope.isEmpty { fields.append(("scope", .string(scope))) }
        if let state, !state.isEmpty { fields.append(("state", .string(state))) }
        let query = fields.compactMap { name, value in value.stringValue.map { (name, $0) } }
        let documented = try await send("GET", path + "?" + QueryString.build(query))
        guard documented.status >= 400, ![401, 403].contains(documented.status) else { return try signInURL(from: documented) }
        let alternative: HTTPResponse
        do {
            alternative = try await send("POST", path, body: .object(fields))
        } catch .transport(.cancelled) {
            throw .transport(.cancelled)
        } catch {
            return try signInURL(from: documented)
        }
        return try signInURL(from: (200..<300).contains(alternative.status) ? alternative : documented)
    }

    /// The sign-in URL of an answer; a success without one says so.
    private func signInURL(from response: HTTPResponse) throws(OpenConnectorsError) -> OAuthRedirect {
        let redirect = try decode(OAuthRedirect.self, from: response)
        guard !redirect.oauthUrl.isEmpty else { throw .unexpectedBody(status: response.status, detail: "an empty oauthUrl") }
        return redirect
    }

    /// Checks the user and organization secrets with the cheapest authenticated call.
    ///
    /// An account without instances is a valid account, also where the service answers the empty
    /// listing with a `404` and its error body (API notes 11.1).
    public func verifyCredentials() async throws(OpenConnectorsError) {
        let response = try await send("GET", "/instances?pageSize=1&hydrate=false")
        if Self.isEmptyListing(response) { return }
        _ = try checked(response)
    }

    /// Creates an instance from a request body built by `InstanceRequest`.
    ///
    /// A success without the new instance's id or token is refused, naming what came back.
    public func createInstance(body: JSONValue) async throws(OpenConnectorsError) -> Instance {
        try usableInstance(from: try await send("POST", "/instances", body: body))
    }

    /// Reads one instance, token included.
    public func getInstance(id: Int) async throws(OpenConnectorsError) -> Instance {
        try decode(Instance.self, from: try await send("GET", "/instances/\(id)"))
    }

    /// Renames or retags an instance (`PATCH`); tags are replaced, not merged.
    public func updateInstance(id: Int, name: String? = nil, tags: [String]? = nil) async throws(OpenConnectorsError) -> Instance {
        var fields: [(String, JSONValue)] = []
        if let name { fields.append(("name", .string(name))) }
        if let tags { fields.append(("tags", .array(tags.map(JSONValue.string)))) }
        return try decode(Instance.self, from: try await send("PATCH", "/instances/\(id)", body: .object(fields)))
    }

    /// Enables (`PUT`) or disables (`DELETE`) `/instances/{id}/enabled`.
    public func setEnabled(id: Int, _ enabled: Bool) async throws(OpenConnectorsError) {
        _ = try checked(try await send(enabled ? "PUT" : "DELETE", "/instances/\(id)/enabled"))
    }

    /// Deletes an instance; its token stops working.
    public func deleteInstance(id: Int) async throws(OpenConnectorsError) {
        _ = try checked(try await send("DELETE", "/instances/\(id)"))
    }

    // MARK: - Plumbing

    func send(_ method: String, _ path: String, body: JSONValue? = nil) async throws(OpenConnectorsError) -> HTTPResponse {
        do {
            return try await transport.send(request(method, path, body: body))
        } catch {
            throw Self.transportFailure(error)
        }
    }

    /// The request for `method` on `path` (below the API base), with the account's credentials.
    func request(_ method: String, _ path: String, body: JSONValue? = nil) -> HTTPRequest {
        var headers = [
            HTTPHeader("Authorization", credentials.authorizationHeader),
            HTTPHeader("Accept", "application/json"),
        ]
        if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body.map { Array($0.compactText.utf8) })
    }

    /// What a transport's failure means to a caller.
    static func transportFailure(_ error: any Error) -> OpenConnectorsError {
        switch error {
        case let error as TransportError: .transport(error)
        case is CancellationError: .transport(.cancelled)
        default: .transport(.other(code: -1, detail: String(describing: error)))
        }
    }

    func checked(_ response: HTTPResponse) throws(OpenConnectorsError) -> HTTPResponse {
        guard (200..<300).contains(response.status) else {
            if (300..<400).contains(response.status) {
                throw .transport(.redirected(status: response.status, location: response.header("Location") ?? "(no Location header)"))
            }
            throw .api(APIFailure(status: response.status, body: try? JSONDecoder().decode(APIErrorBody.self, from: Data(response.body))))
        }
        return response
    }

    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(OpenConnectorsError) -> T {
        let response = try checked(response)
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw .unexpectedBody(status: response.status, detail: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context) where context.underlyingError is JSONShapeError: context.debugDescription
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "unreadable"
        }
    }
}
