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

    @Test("oauthURL: the documented GET /elements/microsoftgraph/oauth/url with a query")
    func oauthURLGet() async throws {
        let (client, transport) = client([.json(#"{"oauthUrl":"https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1","element":"microsoftgraph"}"#)])
        let redirect = try await client.oauthURL(apiKey: "id", apiSecret: "s e/c", callbackURL: "https://mycoolapp.com/cb", scope: "a b", state: "st")
        #expect(redirect.oauthUrl == "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?x=1")
        #expect(redirect.element == "microsoftgraph")
        let requests = await transport.requests
        #expect(requests == [HTTPRequest(
            method: "GET",
            url: Self.base + "/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=s%20e%2Fc&callbackUrl=https%3A%2F%2Fmycoolapp.com%2Fcb&scope=a%20b&state=st",
            headers: Self.bodilessRequestHeaders)])
    }

    @Test("oauthURL: falls back to POST with a JSON body on any refusal of GET but 401/403", arguments: [400, 404, 405, 406, 415, 500, 502])
    func oauthURLFallback(status: Int) async throws {
        let (client, transport) = client([
            .json(#"{"requestId":"r","message":"no"}"#, status: status),
            .json(#"{"oauthUrl":"https://login.example/authorize","element":"microsoftgraph"}"#),
        ])
        let redirect = try await client.oauthURL(apiKey: "id", apiSecret: "s e/c", callbackURL: "https://mycoolapp.com/cb", scope: "", state: nil)
        #expect(redirect.oauthUrl == "https://login.example/authorize")
        let requests = await transport.requests
        #expect(requests.map(\.method) == ["GET", "POST"])
        #expect(requests.last == HTTPRequest(method: "POST", url: Self.base + "/elements/microsoftgraph/oauth/url", headers: Self.jsonRequestHeaders,
                                             body: Array(#"{"apiKey":"id","apiSecret":"s e/c","callbackUrl":"https://mycoolapp.com/cb"}"#.utf8)))
    }

    @Test("oauthURL: 401 and 403 do not fall back", arguments: [401, 403])
    func oauthURLNoFallback(status: Int) async {
        let (client, transport) = client([.json(#"{"message":"boom"}"#, status: status)])
        let error = await failure { () async throws(OpenConnectorsError) in
            try await client.oauthURL(apiKey: "id", apiSecret: "sec", callbackURL: "https://cb", scope: "", state: "")
        }
        #expect(error == .api(APIFailure(status: status, body: APIErrorBody(message: "boom"))))
        #expect(await transport.requests.count == 1)
    }

    @Test("oauthURL: when POST is refused too (or cannot be sent), the documented GET's refusal is reported")
    func oauthURLBothRefused() async {
        let getRefusal = FakeTransport.Reply.json(#"{"message":"Missing scope"}"#, status: 400)
        for second in [FakeTransport.Reply.json(#"{"message":"no POST"}"#, status: 405), .failure(TransportError.timedOut(seconds: 5))] {
            let (client, _) = client([getRefusal, second])
            let error = await failure { () async throws(OpenConnectorsError) in
                try await client.oauthURL(apiKey: "id", apiSecret: "sec", callbackURL: "https://cb", scope: nil, state: nil)
            }
            #expect(error == .api(APIFailure(status: 400, body: APIErrorBody(message: "Missing scope"))))
        }
        let (client, _) = client([getRefusal, .failure(CancellationError())])
        let cancelled = await failure { () async throws(OpenConnectorsError) in
            try await client.oauthURL(apiKey: "id", apiSecret: "sec", callbackURL: "https://cb", scope: nil, state: nil)
        }
        #expect(cancelled == .transport(.cancelled))
    }

    @Test("oauthURL: a success without a sign-in URL is an unexpected body")
    func oauthURLEmpty() async {
        let (client, _) = client([.json(#"{"oauthUrl":"","element":"microsoftgraph"}"#)])
        let error = await failure { () async throws(OpenConnectorsError) in
            try await client.oauthURL(apiKey: "id", apiSecret: "sec", callbackURL: "https://cb", scope: nil, state: nil)
        }
        #expect(error == .unexpectedBody(status: 200, detail: "an empty oauthUrl"))
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

    @Test("listPage: GET /instances with the filter, page size (clamped) and page token; reads the paging headers")
    func listPage() async throws {
        let (client, transport) = client([
            .json(#"[{"id":1,"name":"Alice-cal","tags":["my tag","b"]}]"#, headers: [HTTPHeader("Elements-Next-Page-Token", "tok/1"), HTTPHeader("elements-total-count", "3")]),
            .json("[]", headers: [HTTPHeader("elements-next-page-token", "")]),
            .json("[]"),
        ])
        let page = try await client.listPage(filter: InstanceFilter(tags: ["my tag", "b"], searchText: "alice", hydrate: false), pageSize: 500, nextPage: "p&1")
        #expect(page.instances == [Instance(id: 1, name: "Alice-cal", tags: ["my tag", "b"])])
        #expect(page.totalCount == 3)
        #expect(page.nextPageToken == "tok/1")
        #expect(try await client.listPage(pageSize: 0).nextPageToken == nil)
        _ = try await client.listPage(filter: InstanceFilter(searchText: ""))
        let urls = await transport.requests.map { String($0.url.dropFirst(Self.base.count)) }
        #expect(urls == [
            "/instances?pageSize=200&hydrate=false&tags%5B%5D=my%20tag&tags%5B%5D=b&searchText=alice&nextPage=p%261",
            "/instances?pageSize=1",
            "/instances?pageSize=200",
        ])
    }

    @Test("listPage filters again: other connectors, missing tags and names without the search text are left out")
    func listPageFiltersClientSide() async throws {
        let served = """
            [{"id":1,"name":"graph-alice","tags":["team-a"],"element":{"key":"microsoftgraph"}},
             {"id":2,"name":"graph-alice","tags":["team-a"],"element":{"key":"sfdc"}},
             {"id":3,"name":"graph-bob","tags":["team-a"],"element":{"key":"microsoftgraph"}},
             {"id":4,"name":"GRAPH-ALICE-2","tags":["team-b"],"element":{"key":"microsoftgraph"}},
             {"id":5,"name":"graph-alice-3","tags":["team-a","x"]}]
            """
        let (client, _) = client([.json(served, headers: [HTTPHeader("elements-next-page-token", "t")])])
        let page = try await client.listPage(filter: InstanceFilter(tags: ["team-a"], searchText: "Alice"))
        #expect(page.instances.map(\.id) == [1, 5])
        #expect(page.servedCount == 5)
        #expect(page.nextPageToken == "t")
    }

    @Test("a 404 with the service's error body is an empty listing; a bare 404 is not")
    func emptyListingAs404() async throws {
        let notFound = #"{"requestId":"5a1b2c3d4e5f60718293a4b5","message":"No instances found matching the search criteria."}"#
        let (client, transport) = client([.json(notFound, status: 404), .json(notFound, status: 404)])
        #expect(try await client.listPage() == InstancePage(instances: []))
        try await client.verifyCredentials()
        #expect(await transport.requests.count == 2)
        for bare in [FakeTransport.Reply.response(HTTPResponse(status: 404, body: Array("<html>Not Found</html>".utf8))),
                     .json(#"{"message":"Not Found"}"#, status: 404)] {
            let (strict, _) = self.client([bare, bare])
            #expect(await failure { () async throws(OpenConnectorsError) in try await strict.listPage() } != nil)
            #expect(await failure { () async throws(OpenConnectorsError) in try await strict.verifyCredentials() } != nil)
        }
    }

    @Test("paging ends on a 404 with an error body after the last page")
    func pagingEndsOn404() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), .json(#"{"requestId":"r","message":"none"}"#, status: 404)])
        #expect(try await client.listInstances().map(\.id) == [1])
        #expect(await transport.requests.count == 2)
    }

    @Test("a list wrapped in an object is read; an object with no list or two is not")
    func wrappedList() async throws {
        let (client, _) = client([.json(#"{"instances":[{"id":1,"name":"a"}],"count":1}"#), .json(#"{"a":[],"b":[]}"#), .json(#"{"count":1}"#)])
        #expect(try await client.listPage().instances.map(\.id) == [1])
        #expect(await failure { () async throws(OpenConnectorsError) in try await client.listPage() } != nil)
        #expect(await failure { () async throws(OpenConnectorsError) in try await client.listPage() } != nil)
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

    @Test("listInstances stops at an empty page even if it carries a token (the next page, already asked for, is dropped)")
    func pagingStopsOnEmptyPage() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), .json("[]", headers: [HTTPHeader("elements-next-page-token", "t2")])])
        var ids: [[Int]] = []
        try await client.forEachPage { ids.append($0.instances.map(\.id)) }
        #expect(ids == [[1], []])
        // The request for t2 may have left before the empty page was decoded; its failure (the
        // script is exhausted) is never seen, and nothing after it is asked for.
        let tokens = await transport.requests.map { QueryString.parse(Substring($0.url.split(separator: "?")[1])).first { $0.name == "nextPage" }?.value }
        #expect([[nil, "t1"], [nil, "t1", "t2"]].contains(tokens), "\(tokens)")
    }

    @Test("the next page is on the wire while this one is handed over: a page's handler can wait for it")
    func nextPageRequestedWhileHandlingThisOne() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), page(id: 2, next: "t2"), page(id: 3, next: nil)])
        var seen: [Int] = []
        try await client.forEachPage { page in
            seen += page.instances.map(\.id)
            guard page.nextPageToken != nil else { return }
            // Without the early request this handler would wait for one that is never sent.
            let wanted = seen.count + 1
            let deadline = ContinuousClock.now + .seconds(10)
            while await transport.requests.count < wanted, ContinuousClock.now < deadline { await Task.yield() }
            #expect(await transport.requests.count == wanted, "page \(wanted) was not asked for while page \(seen.count) was handled")
        }
        #expect(seen == [1, 2, 3])
        #expect(await transport.requests.count == 3)
    }

    @Test("listInstances stops when the service hands out a token it already gave, and says so on the last page")
    func pagingStopsOnRepeatedToken() async throws {
        let (client, transport) = client([page(id: 1, next: "t1"), page(id: 2, next: "t1"), page(id: 3, next: "t1")])
        var stops: [PagingStop?] = []
        var tokens: [String?] = []
        try await client.forEachPage { stops.append($0.stopped); tokens.append($0.nextPageToken) }
        #expect(tokens == ["t1", nil])
        #expect(stops == [nil, .repeatedToken(pages: 2, instances: 2)])
        #expect(await transport.requests.count == 2)
        #expect(PagingStop.repeatedToken(pages: 2, instances: 2).message.contains("already sent"))
    }

    @Test("an endless listing (a new token every time) stops after the stated maximum of pages")
    func pagingStopsAtTheMaximum() async throws {
        let (client, transport) = client((1...6).map { page(id: $0, next: "t\($0)") })
        var last: InstancePage?
        var count = 0
        try await client.forEachPage(maximumPages: 4) { last = $0; count += 1 }
        #expect(count == 4)
        #expect(last?.nextPageToken == nil)
        #expect(last?.stopped == .pageLimit(pages: 4, instances: 4))
        #expect(await transport.requests.count == 4)
        #expect(OpenConnectorsClient.maximumPages == 250)
        #expect(PagingStop.pageLimit(pages: 250, instances: 50_000).message.contains("250 pages"))
    }

    /// One page of events with a next-page token, if any.
    private func eventPage(_ dates: [String], next: String?) -> FakeTransport.Reply {
        .json("[" + dates.map { "{\"id\":\"e-\($0)\",\"eventDate\":\"\($0)\"}" }.joined(separator: ",") + "]",
              headers: next.map { [HTTPHeader("elements-next-page-token", $0)] } ?? [])
    }

    @Test("listEvents follows the tokens, sorts newest first, and stops on a repeated token")
    func eventsPagingStopsOnRepeatedToken() async throws {
        let (client, transport) = client([eventPage(["2026-12-01T10:00:00Z"], next: "t1"), eventPage(["2026-12-02T10:00:00Z"], next: "t1"),
                                          eventPage(["2026-12-03T10:00:00Z"], next: nil)])
        let events = try await client.listEvents(instanceId: 7)
        #expect(events.map(\.eventDate) == ["2026-12-02T10:00:00Z", "2026-12-01T10:00:00Z"])
        #expect(await transport.requests.count == 2, "the repeated token was not asked for again")
    }

    @Test("listEvents ends on a later page's 404 with the service's error body")
    func eventsPagingEndsOnEmpty404() async throws {
        let notFound = FakeTransport.Reply.json(#"{"requestId":"r-1","message":"No events found"}"#, status: 404)
        let (client, transport) = client([eventPage(["2026-12-01T10:00:00Z"], next: "t1"), notFound])
        let events = try await client.listEvents(instanceId: 7)
        #expect(events.count == 1)
        #expect(await transport.requests.count == 2)
    }

    @Test("a page whose items are all filtered out does not end the listing")
    func filteredOutPageKeepsPaging() async throws {
        let other = FakeTransport.Reply.json(#"[{"id":9,"name":"x","element":{"key":"box"}}]"#, headers: [HTTPHeader("elements-next-page-token", "t1")])
        let (client, _) = client([other, page(id: 1, next: nil)])
        #expect(try await client.listInstances().map(\.id) == [1])
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
        ("[1,2]", "unexpected value at instance"),
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

    @Test("reauthenticate: GET the instance, PUT it back with every configuration entry (masked ones as ********) but the tokens, then read it again")
    func reauthenticate() async throws {
        let stored = """
            {"id": 42, "name": "graph-calendar-alice", "token": "OLD/TOKEN=", "tags": ["t"], "element": {"key": "microsoftgraph", "id": 17314},
             "valid": false,
             "configuration": {"oauth.api.key": "********", "oauth.api.secret": "********", "oauth.callback.url": "https://old/cb",
                               "oauth.user.token": "access", "oauth.user.refresh_token": "refresh", "oauth.scope": "a offline_access",
                               "event.notification.enabled": "true", "event.notification.callback.url": "https://events/cb",
                               "event.notification.signature.key": "********"}}
            """
        let (client, transport) = client([
            .json(stored),
            .json(#"{"id":42,"name":"graph-calendar-alice","token":"NEW/TOKEN=","valid":true}"#),
            .json(#"{"id":42,"name":"graph-calendar-alice","token":"NEW/TOKEN=","valid":true,"configuration":{"event.notification.enabled":"true"}}"#),
        ])
        let instance = try await client.reauthenticate(id: 42, code: "new-code", apiKey: "real-key", apiSecret: "real-secret", callbackURL: "https://new/cb")
        #expect(instance.token == "NEW/TOKEN=" && instance.valid == true)
        #expect(instance.configuration == ["event.notification.enabled": "true"])
        let requests = await transport.requests
        #expect(requests.map { "\($0.method) \($0.url.dropFirst(Self.base.count))" } == ["GET /instances/42", "PUT /instances/42?reAuthenticate=true", "GET /instances/42"])
        #expect(requests[1].headers == Self.jsonRequestHeaders)
        let sent = try decode(JSONValue.self, requests[1].bodyText ?? "")
        #expect(sent["token"] == nil)
        #expect(sent["providerData"] == .object([("code", .string("new-code"))]))
        #expect(sent["name"] == .string("graph-calendar-alice"))
        #expect(sent["tags"] == .array([.string("t")]))
        #expect(sent["element"]?["key"] == .string("microsoftgraph"))
        #expect(sent["configuration"] == .object([
            ("oauth.api.key", .string("real-key")), ("oauth.api.secret", .string("real-secret")),
            ("oauth.callback.url", .string("https://new/cb")), ("oauth.scope", .string("a offline_access")),
            ("event.notification.enabled", .string("true")), ("event.notification.callback.url", .string("https://events/cb")),
            ("event.notification.signature.key", .string("********")),
        ]))
    }

    @Test("reauthenticate keeps the stored callback URL when none is given, and adds missing keys")
    func reauthenticateKeepsCallback() async throws {
        let (client, transport) = client([.json(#"{"id":7,"name":"n","configuration":{"oauth.callback.url":"https://old/cb"}}"#),
                                          .json(#"{"id":7,"token":"T"}"#), .json(#"{"id":7,"token":"T"}"#)])
        _ = try await client.reauthenticate(id: 7, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil)
        let sent = try decode(JSONValue.self, await transport.requests[1].bodyText ?? "")
        #expect(sent["configuration"] == .object([
            ("oauth.callback.url", .string("https://old/cb")), ("oauth.api.key", .string("k")), ("oauth.api.secret", .string("s")),
        ]))
    }

    @Test("reauthenticate returns the PUT's answer when the second read fails, with the PUT's token when the read has none")
    func reauthenticateSecondRead() async throws {
        let (failing, _) = client([.json(#"{"id":7,"name":"n"}"#), .json(#"{"id":7,"name":"put","token":"T"}"#), .json(#"{"message":"x"}"#, status: 500)])
        #expect(try await failing.reauthenticate(id: 7, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil).name == "put")
        let (other, _) = client([.json(#"{"id":7,"name":"n"}"#), .json(#"{"id":7,"name":"put","token":"T"}"#), .json(#"{"id":7,"name":"read"}"#)])
        let read = try await other.reauthenticate(id: 7, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil)
        #expect(read.name == "read" && read.token == "T")
    }

    @Test("a 2xx create or re-authentication without id or token is refused, naming what came back", arguments: [
        (#"{"id":5,"name":"n","token":null}"#, "no token in the answer, which held only id, name, token"),
        (#"{"name":"n","token":"T"}"#, "no id in the answer, which held only name, token"),
        (#"{"id":5,"token":""}"#, "no token in the answer, which held only id, token"),
        ("{}", "no id and token in the answer, which held nothing ocwizard can use"),
    ])
    func unusableSuccess(_ text: String, _ detail: String) async {
        let (client, _) = client([.json(text, status: 200), .json(#"{"id":5,"name":"n"}"#), .json(text, status: 200)])
        let created = await failure { () async throws(OpenConnectorsError) in try await client.createInstance(body: .object([])) }
        #expect(created == .unexpectedBody(status: 200, detail: detail))
        let renewed = await failure { () async throws(OpenConnectorsError) in
            try await client.reauthenticate(id: 5, code: "c", apiKey: "k", apiSecret: "s", callbackURL: nil)
        }
        #expect(renewed == .unexpectedBody(status: 200, detail: detail))
    }

    @Test("booleans sent as \"true\"/\"false\" strings are read as booleans; other strings stay unknown")
    func stringBooleans() throws {
        let instance = try decode(Instance.self, #"{"id":1,"name":"n","valid":"true","disabled":"FALSE","eventsEnabled":"yes"}"#)
        #expect(instance.valid == true && instance.disabled == false && instance.eventsEnabled == nil)
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
