import FoundationEssentials

/// Which instances to list.
public struct InstanceFilter: Sendable, Equatable {
    /// Only instances carrying every one of these tags (`tags[]`).
    public var tags: [String]
    /// Free text the service matches (`searchText`).
    public var searchText: String?
    /// Lighter list items without configuration (`hydrate=false`).
    public var hydrate: Bool

    public init(tags: [String] = [], searchText: String? = nil, hydrate: Bool = true) {
        self.tags = tags; self.searchText = searchText; self.hydrate = hydrate
    }
}

/// One page of a listing.
public struct InstancePage: Sendable, Equatable {
    /// The instances on this page.
    public var instances: [Instance]
    /// `elements-total-count`, when the service sent it.
    public var totalCount: Int?
    /// `elements-next-page-token`; `nil` on the last page.
    public var nextPageToken: String?

    public init(instances: [Instance], totalCount: Int? = nil, nextPageToken: String? = nil) {
        self.instances = instances; self.totalCount = totalCount; self.nextPageToken = nextPageToken
    }
}

/// The Open Connectors platform API, written against any `HTTPTransport`.
public struct OpenConnectorsClient: Sendable {
    /// Largest page the service serves.
    public static let maximumPageSize = 200
    /// What the service returns instead of a secret configuration value.
    static let maskedValue = "********"

    private let transport: any HTTPTransport
    /// The normalized API base, ending in `/elements/api-v2`.
    public let baseURL: String
    private let credentials: Credentials

    /// Makes a client for `baseURL` with the user and organization secrets.
    public init(transport: any HTTPTransport, baseURL: String, credentials: Credentials) {
        self.transport = transport
        self.baseURL = Normalizer.baseURL(baseURL)
        self.credentials = credentials
    }

    /// Asks for the Microsoft sign-in URL: `POST /elements/microsoftgraph/oauth/url`, falling back to `GET` on 404/405.
    public func oauthURL(apiKey: String, apiSecret: Secret, callbackURL: String, scope: String?, state: String?) async throws(OpenConnectorsError) -> OAuthRedirect {
        let path = "/elements/\(ParameterTable.connectorKey)/oauth/url"
        var fields: [(String, JSONValue)] = [("apiKey", .string(apiKey)), ("apiSecret", .string(apiSecret.revealed)), ("callbackUrl", .string(callbackURL))]
        if let scope, !scope.isEmpty { fields.append(("scope", .string(scope))) }
        if let state, !state.isEmpty { fields.append(("state", .string(state))) }
        let response = try await send("POST", path, body: .object(fields))
        if response.status == 404 || response.status == 405 {
            let query = fields.compactMap { name, value in value.stringValue.map { (name, $0) } }
            return try decode(OAuthRedirect.self, from: try await send("GET", path + "?" + QueryString.build(query)))
        }
        return try decode(OAuthRedirect.self, from: response)
    }

    /// Checks the user and organization secrets with the cheapest authenticated call.
    public func verifyCredentials() async throws(OpenConnectorsError) {
        _ = try checked(try await send("GET", "/instances?pageSize=1&hydrate=false"))
    }

    /// Creates an instance from a request body built by `InstanceRequest`.
    public func createInstance(body: JSONValue) async throws(OpenConnectorsError) -> Instance {
        try decode(Instance.self, from: try await send("POST", "/instances", body: body))
    }

    /// Reads one instance, token included.
    public func getInstance(id: Int) async throws(OpenConnectorsError) -> Instance {
        try decode(Instance.self, from: try await send("GET", "/instances/\(id)"))
    }

    /// Reads one page of the connector's instances.
    public func listPage(filter: InstanceFilter = InstanceFilter(), pageSize: Int = maximumPageSize, nextPage: String? = nil) async throws(OpenConnectorsError) -> InstancePage {
        var query: [(String, String)] = [("pageSize", String(min(max(pageSize, 1), Self.maximumPageSize)))]
        if !filter.hydrate { query.append(("hydrate", "false")) }
        for tag in filter.tags { query.append(("tags[]", tag)) }
        if let text = filter.searchText, !text.isEmpty { query.append(("searchText", text)) }
        if let nextPage { query.append(("nextPage", nextPage)) }
        let response = try await send("GET", "/elements/\(ParameterTable.connectorKey)/instances?" + QueryString.build(query))
        let instances = try decode([Instance].self, from: response)
        let next = response.header("elements-next-page-token").flatMap { $0.isEmpty ? nil : $0 }
        return InstancePage(instances: instances, totalCount: response.header("elements-total-count").flatMap { Int($0) }, nextPageToken: next)
    }

    /// Reads every page, calling `onPage` after each one (for progress); returns all instances.
    public func listInstances(filter: InstanceFilter = InstanceFilter(), pageSize: Int = maximumPageSize,
                              onPage: @Sendable (InstancePage) async -> Void = { _ in }) async throws(OpenConnectorsError) -> [Instance] {
        var all: [Instance] = []
        try await forEachPage(filter: filter, pageSize: pageSize) { page in
            all += page.instances
            await onPage(page)
        }
        return all
    }

    /// Reads the listing page by page, handing each page to `body`; the last page handed over has
    /// no next-page token, also when the listing ends on a token the service handed out twice
    /// (which would loop forever).
    public func forEachPage(filter: InstanceFilter = InstanceFilter(), pageSize: Int = maximumPageSize,
                            _ body: (InstancePage) async -> Void) async throws(OpenConnectorsError) {
        var next: String?
        var usedTokens: Set<String> = []
        repeat {
            if Task.isCancelled { throw .transport(.cancelled) }
            var page = try await listPage(filter: filter, pageSize: pageSize, nextPage: next)
            next = page.instances.isEmpty ? nil : page.nextPageToken
            if let token = next, !usedTokens.insert(token).inserted { next = nil }
            page.nextPageToken = next
            await body(page)
        } while next != nil
    }

    /// Re-authenticates an instance with a new grant code: `PUT /instances/{id}?reAuthenticate=true`.
    ///
    /// The body is the instance as read, minus the stored OAuth tokens and every value the service
    /// only returned masked (sending `********` back would store the mask), with the real Azure
    /// app key and secret put back and the new code.
    public func reauthenticate(id: Int, code: Secret, apiKey: String, apiSecret: Secret, callbackURL: String?) async throws(OpenConnectorsError) -> Instance {
        let current = try decode(JSONValue.self, from: try await send("GET", "/instances/\(id)"))
        var configuration = current["configuration"] ?? .object([])
        for key in ["oauth.user.token", "oauth.user.refresh_token"] { configuration = configuration.removing(key) }
        if case .object(let pairs) = configuration {
            configuration = .object(pairs.filter { $0.1 != .string(Self.maskedValue) })
        }
        configuration = configuration.setting("oauth.api.key", to: .string(apiKey)).setting("oauth.api.secret", to: .string(apiSecret.revealed))
        if let callbackURL, !callbackURL.isEmpty { configuration = configuration.setting("oauth.callback.url", to: .string(callbackURL)) }
        let body = current.removing("token").setting("configuration", to: configuration)
            .setting("providerData", to: .object([("code", .string(code.revealed))]))
        return try decode(Instance.self, from: try await send("PUT", "/instances/\(id)?reAuthenticate=true", body: body))
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

    private func send(_ method: String, _ path: String, body: JSONValue? = nil) async throws(OpenConnectorsError) -> HTTPResponse {
        var headers = [
            HTTPHeader("Authorization", credentials.authorizationHeader),
            HTTPHeader("Accept", "application/json"),
        ]
        if body != nil { headers.append(HTTPHeader("Content-Type", "application/json")) }
        let request = HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body.map { Array($0.compactText.utf8) })
        do {
            return try await transport.send(request)
        } catch let error as TransportError {
            throw .transport(error)
        } catch is CancellationError {
            throw .transport(.cancelled)
        } catch {
            throw .transport(.other(code: -1, detail: String(describing: error)))
        }
    }

    private func checked(_ response: HTTPResponse) throws(OpenConnectorsError) -> HTTPResponse {
        guard (200..<300).contains(response.status) else {
            if (300..<400).contains(response.status) {
                throw .transport(.redirected(status: response.status, location: response.header("Location") ?? "(no Location header)"))
            }
            throw .api(APIFailure(status: response.status, body: try? JSONDecoder().decode(APIErrorBody.self, from: Data(response.body))))
        }
        return response
    }

    private func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(OpenConnectorsError) -> T {
        let response = try checked(response)
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw .unexpectedBody(status: response.status, detail: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: "not valid JSON"
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "unreadable"
        }
    }
}
