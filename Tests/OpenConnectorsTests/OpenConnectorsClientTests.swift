import Foundation
import OpenConnectors
import Testing

/// The API client against an in-memory transport: what it sends and how it reads the answers.
@Suite("OpenConnectorsClient")
struct OpenConnectorsClientTests {
    static let base = "https://api.example.com/elements/api-v2"
    static let credentials = Credentials(userSecret: "u1", organizationSecret: "o1")
    static let jsonRequestHeaders = [
        HTTPHeader("Authorization", "User u1, Organization o1"),
        HTTPHeader("Accept", "application/json"),
        HTTPHeader("Content-Type", "application/json"),
    ]
    static let bodilessRequestHeaders = Array(jsonRequestHeaders.prefix(2))

    /// A client on `base` whose transport answers with `script`.
    private func client(_ script: [FakeTransport.Reply], baseURL: String = base) -> (OpenConnectorsClient, FakeTransport) {
        let transport = FakeTransport(script)
        return (OpenConnectorsClient(transport: transport, baseURL: baseURL, credentials: Self.credentials), transport)
    }

    /// Runs `call` and returns the error it throws, or `nil` when it succeeds.
    private func failure<T>(of call: () async throws(OpenConnectorsError) -> T) async -> OpenConnectorsError? {
        do {
            _ = try await call()
            return nil
        } catch {
            return error
        }
    }

    @Test("the base URL is normalised to end in /elements/api-v2")
    func baseURLNormalised() {
        #expect(client([], baseURL: "https://api.example.com/").0.baseURL == Self.base)
        #expect(client([], baseURL: Self.base + "/").0.baseURL == Self.base)
    }

    @Test("createInstance: POST /instances with the JSON body and the three headers")
    func createInstance() async throws {
        let (client, transport) = client([.json(Fixtures.documentedInstanceResponse)])
        let body = InstanceRequest.body(from: Fixtures.seedExampleForm())
        let instance = try await client.createInstance(body: body)
        #expect(instance == Fixtures.documentedInstance)
        let requests = await transport.requests
        #expect(requests == [HTTPRequest(method: "POST", url: Self.base + "/instances", headers: Self.jsonRequestHeaders, body: Array(body.compactText.utf8))])
        #expect(try foundationJSON(requests[0].bodyText ?? "") == foundationJSON(Fixtures.seedCurlBody))
    }

    @Test("createInstance: an error answer becomes a classified APIFailure with the service's words")
    func createInstanceError() async {
        let (client, _) = client([.json(#"{"requestId":"r9","message":"Failed","providerMessage":"AADSTS54005: already redeemed"}"#, status: 400)])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.createInstance(body: .object([])) }
        let expected = APIFailure(status: 400, body: APIErrorBody(requestId: "r9", message: "Failed", providerMessage: "AADSTS54005: already redeemed"))
        #expect(error == .api(expected))
        #expect(expected.kind == .grantCodeRejected)
    }

    @Test("an error answer whose body is not JSON still gives its status")
    func errorWithoutJSON() async {
        let (client, _) = client([.response(HTTPResponse(status: 502, body: Array("<html>Bad Gateway</html>".utf8)))])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.getInstance(id: 1) }
        #expect(error == .api(APIFailure(status: 502, body: nil)))
    }

    @Test("oauthURL: POST /elements/microsoftgraph/oauth/url with a JSON body")
    func oauthURLPost() async throws {
        let (client, transport) = client([.json(#"{"oauthUrl":"https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1","element":"microsoftgraph"}"#)])
        let redirect = try await client.oauthURL(apiKey: "id", apiSecret: "s e/c", callbackURL: "https://mycoolapp.com/cb", scope: "a b", state: "st")
        #expect(redirect.oauthUrl == "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1")
        #expect(redirect.element == "microsoftgraph")
        let requests = await transport.requests
        #expect(requests.count == 1)
        #expect(requests.first?.method == "POST")
        #expect(requests.first?.url == Self.base + "/elements/microsoftgraph/oauth/url")
        #expect(requests.first?.headers == Self.jsonRequestHeaders)
        #expect(requests.first?.bodyText == #"{"apiKey":"id","apiSecret":"s e/c","callbackUrl":"https://mycoolapp.com/cb","scope":"a b","state":"st"}"#)
    }

    @Test("oauthURL: falls back to GET with a query when POST answers 404 or 405", arguments: [404, 405])
    func oauthURLFallback(status: Int) async throws {
        let (client, transport) = client([
            .json(#"{"requestId":"r","message":"no such route"}"#, status: status),
            .json(#"{"oauthUrl":"https://login.example/authorize","element":"microsoftgraph"}"#),
        ])
        let redirect = try await client.oauthURL(apiKey: "id", apiSecret: "s e/c", callbackURL: "https://mycoolapp.com/cb", scope: "a b", state: nil)
        #expect(redirect.oauthUrl == "https://login.example/authorize")
        let requests = await transport.requests
        #expect(requests.map(\.method) == ["POST", "GET"])
        #expect(requests.last == HTTPRequest(
            method: "GET",
            url: Self.base + "/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=s%20e%2Fc&callbackUrl=https%3A%2F%2Fmycoolapp.com%2Fcb&scope=a%20b",
            headers: Self.bodilessRequestHeaders))
    }

    @Test("oauthURL: leaves out an empty scope and state; another error status does not fall back")
    func oauthURLNoFallback() async {
        let (client, transport) = client([.json(#"{"message":"boom"}"#, status: 500)])
        let error = await failure { () async throws(OpenConnectorsError) in
            try await client.oauthURL(apiKey: "id", apiSecret: "sec", callbackURL: "https://cb", scope: "", state: "")
        }
        #expect(error == .api(APIFailure(status: 500, body: APIErrorBody(message: "boom"))))
        let requests = await transport.requests
        #expect(requests.count == 1)
        #expect(requests.first?.bodyText == #"{"apiKey":"id","apiSecret":"sec","callbackUrl":"https://cb"}"#)
    }

    @Test("verifyCredentials: the cheapest authenticated GET; 401 means wrong secrets")
    func verifyCredentials() async throws {
        let (client, transport) = client([.json("[]"), .json(#"{"requestId":"r","message":"Invalid Organization or User secret"}"#, status: 401)])
        try await client.verifyCredentials()
        let error = await failure { () async throws(OpenConnectorsError) in try await client.verifyCredentials() }
        guard case .api(let failure) = error else { Issue.record("expected an API failure, got \(String(describing: error))"); return }
        #expect(failure.kind == .wrongSecrets)
        #expect(failure.requestId == "r")
        let requests = await transport.requests
        #expect(requests.first == HTTPRequest(method: "GET", url: Self.base + "/instances?pageSize=1&hydrate=false", headers: Self.bodilessRequestHeaders))
    }

    @Test("getInstance, updateInstance, setEnabled, deleteInstance: methods, paths and bodies")
    func instanceCalls() async throws {
        let one = #"{"id":42,"name":"renamed","tags":["a","b"]}"#
        let (client, transport) = client([.json(one), .json(one), .empty(status: 200), .empty(status: 200), .empty(status: 204)])
        #expect(try await client.getInstance(id: 42) == Instance(id: 42, name: "renamed", tags: ["a", "b"]))
        #expect(try await client.updateInstance(id: 42, name: "renamed", tags: ["a", "b"]).name == "renamed")
        try await client.setEnabled(id: 42, true)
        try await client.setEnabled(id: 42, false)
        try await client.deleteInstance(id: 42)
        let requests = await transport.requests
        #expect(requests.map { "\($0.method) \($0.url.dropFirst(Self.base.count))" } == [
            "GET /instances/42", "PATCH /instances/42", "PUT /instances/42/enabled", "DELETE /instances/42/enabled", "DELETE /instances/42",
        ])
        #expect(requests[1].bodyText == #"{"name":"renamed","tags":["a","b"]}"#)
        #expect(requests[1].header("Content-Type") == "application/json")
        #expect(requests.enumerated().allSatisfy { $0.offset == 1 || $0.element.body == nil })
    }

    @Test("listPage: query of filter, page size (clamped) and page token; reads the paging headers")
    func listPage() async throws {
        let (client, transport) = client([
            .json(#"[{"id":1,"name":"a"}]"#, headers: [HTTPHeader("Elements-Next-Page-Token", "tok/1"), HTTPHeader("elements-total-count", "3")]),
            .json("[]", headers: [HTTPHeader("elements-next-page-token", "")]),
            .json("[]"),
        ])
        let page = try await client.listPage(filter: InstanceFilter(tags: ["my tag", "b"], searchText: "alice", hydrate: false), pageSize: 500, nextPage: "p&1")
        #expect(page.instances == [Instance(id: 1, name: "a")])
        #expect(page.totalCount == 3)
        #expect(page.nextPageToken == "tok/1")
        #expect(try await client.listPage(pageSize: 0).nextPageToken == nil)
        _ = try await client.listPage(filter: InstanceFilter(searchText: ""))
        let urls = await transport.requests.map { String($0.url.dropFirst(Self.base.count)) }
        #expect(urls == [
            "/elements/microsoftgraph/instances?pageSize=200&hydrate=false&tags%5B%5D=my%20tag&tags%5B%5D=b&searchText=alice&nextPage=p%261",
            "/elements/microsoftgraph/instances?pageSize=1",
            "/elements/microsoftgraph/instances?pageSize=200",
        ])
    }

    /// A page of one instance with `id`, pointing at `next` when given.
    private func page(id: Int, next: String?) -> FakeTransport.Reply {
        .json("[{\"id\":\(id),\"name\":\"i\(id)\"}]", headers: next.map { [HTTPHeader("elements-next-page-token", $0)] } ?? [])
    }

    @Test("listInstances follows elements-next-page-token until the last page")
    func paging() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), page(id: 2, next: "t2"), page(id: 3, next: nil)])
        let seen = PageCounter()
        let all = try await client.listInstances(pageSize: 1) { page in await seen.add(page.instances.count) }
        #expect(all.map(\.id) == [1, 2, 3])
        #expect(await seen.counts == [1, 1, 1])
        let tokens = await transport.requests.map { QueryString.parse(Substring($0.url.split(separator: "?")[1])).first { $0.name == "nextPage" }?.value }
        #expect(tokens == [nil, "t1", "t2"])
    }

    @Test("listInstances stops at an empty page even if it carries a token")
    func pagingStopsOnEmptyPage() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), .json("[]", headers: [HTTPHeader("elements-next-page-token", "t2")])])
        #expect(try await client.listInstances().map(\.id) == [1])
        #expect(await transport.requests.count == 2)
    }

    @Test("listInstances stops when the service hands out a token it already gave")
    func pagingStopsOnRepeatedToken() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), page(id: 2, next: "t1"), page(id: 3, next: "t1")])
        #expect(try await client.listInstances().map(\.id) == [1, 2])
        #expect(await transport.requests.count == 2)
    }

    @Test("forEachPage hands over the last page without a token when it stops on a repeated one, so a listing knows it is complete")
    func lastPageHasNoTokenAfterRepetition() async throws {
        let (client, _) = client([page(id: 1, next: "t1"), page(id: 2, next: "t1")])
        var tokens: [String?] = []
        try await client.forEachPage { tokens.append($0.nextPageToken) }
        #expect(tokens == ["t1", nil])
    }

    @Test("a redirect is never followed: 3xx becomes .transport(.redirected)", arguments: [301, 302, 307, 308])
    func redirect(status: Int) async {
        let (client, transport) = client([.empty(status: status, headers: [HTTPHeader("location", "https://login.example/sso")])])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.getInstance(id: 1) }
        #expect(error == .transport(.redirected(status: status, location: "https://login.example/sso")))
        #expect(await transport.requests.count == 1)
    }

    @Test("a redirect without Location says so")
    func redirectWithoutLocation() async {
        let (client, _) = client([.empty(status: 302)])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.verifyCredentials() }
        #expect(error == .transport(.redirected(status: 302, location: "(no Location header)")))
    }

    @Test("a success with a body that is not the documented JSON is .unexpectedBody", arguments: [
        ("<html>Welcome</html>", "not valid JSON"),
        ("", "not valid JSON"),
        (#"{"name":"no id"}"#, "missing id"),
        ("[1,2]", "unexpected value at "),
    ])
    func unexpectedBody(_ text: String, _ detail: String) async {
        let (client, _) = client([.response(HTTPResponse(status: 200, body: Array(text.utf8)))])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.getInstance(id: 1) }
        #expect(error == .unexpectedBody(status: 200, detail: detail))
    }

    @Test("transport failures keep their meaning", arguments: [
        (FakeTransport.Reply.failure(TransportError.timedOut(seconds: 30)), TransportError.timedOut(seconds: 30)),
        (.failure(TransportError.hostNotFound(host: "api.example.com")), .hostNotFound(host: "api.example.com")),
        (.failure(CancellationError()), .cancelled),
        (.failure(StrangeError()), .other(code: -1, detail: "StrangeError()")),
    ])
    func transportFailures(_ reply: FakeTransport.Reply, _ expected: TransportError) async {
        let (client, _) = client([reply])
        let error = await failure { () async throws(OpenConnectorsError) in try await client.getInstance(id: 1) }
        #expect(error == .transport(expected))
    }

    @Test("reauthenticate: GET the instance, then PUT it back without tokens, with the real key, secret and new code")
    func reauthenticate() async throws {
        let stored = """
            {"id": 42, "name": "graph-calendar-alice", "token": "OLD/TOKEN=", "tags": ["t"], "element": {"key": "microsoftgraph", "id": 17314},
             "valid": false,
             "configuration": {"oauth.api.key": "********", "oauth.api.secret": "********", "oauth.callback.url": "https://old/cb",
                               "oauth.user.token": "access", "oauth.user.refresh_token": "refresh", "oauth.scope": "a offline_access",
                               "event.notification.enabled": "false"}}
            """
        let (client, transport) = client([.json(stored), .json(#"{"id":42,"name":"graph-calendar-alice","token":"NEW/TOKEN=","valid":true}"#)])
        let instance = try await client.reauthenticate(id: 42, code: "new-code", apiKey: "real-key", apiSecret: "real-secret", callbackURL: "https://new/cb")
        #expect(instance.token == "NEW/TOKEN=" && instance.valid == true)
        let requests = await transport.requests
        #expect(requests.map { "\($0.method) \($0.url.dropFirst(Self.base.count))" } == ["GET /instances/42", "PUT /instances/42?reAuthenticate=true"])
        #expect(requests.last?.headers == Self.jsonRequestHeaders)
        let sent = try decode(JSONValue.self, requests.last?.bodyText ?? "")
        #expect(sent["token"] == nil)
        #expect(sent["providerData"] == .object([("code", .string("new-code"))]))
        #expect(sent["name"] == .string("graph-calendar-alice"))
        #expect(sent["tags"] == .array([.string("t")]))
        #expect(sent["element"]?["key"] == .string("microsoftgraph"))
        #expect(sent["configuration"] == .object([
            ("oauth.api.key", .string("real-key")), ("oauth.api.secret", .string("real-secret")),
            ("oauth.callback.url", .string("https://new/cb")), ("oauth.scope", .string("a offline_access")),
            ("event.notification.enabled", .string("false")),
        ]))
    }

    @Test("reauthenticate keeps the stored callback URL when none is given, and adds missing keys")
    func reauthenticateKeepsCallback() async throws {
        let (client, transport) = client([.json(#"{"id":7,"name":"n","configuration":{"oauth.callback.url":"https://old/cb"}}"#), .json(#"{"id":7}"#)])
        _ = try await client.reauthenticate(id: 7, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil)
        let sent = try decode(JSONValue.self, await transport.requests.last?.bodyText ?? "")
        #expect(sent["configuration"] == .object([
            ("oauth.callback.url", .string("https://old/cb")), ("oauth.api.key", .string("k")), ("oauth.api.secret", .string("s")),
        ]))
    }

    @Test("reauthenticate stops when the instance cannot be read")
    func reauthenticateNotFound() async {
        let (client, transport) = client([.json(#"{"message":"not found"}"#, status: 404)])
        let error = await failure { () async throws(OpenConnectorsError) in
            try await client.reauthenticate(id: 7, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil)
        }
        #expect(error == .api(APIFailure(status: 404, body: APIErrorBody(message: "not found"))))
        #expect(await transport.requests.count == 1)
    }
}

/// An error type the client does not know.
struct StrangeError: Error, Sendable {}

/// Collects the sizes of the pages `listInstances` reports.
actor PageCounter {
    private(set) var counts: [Int] = []
    func add(_ count: Int) { counts.append(count) }
}
