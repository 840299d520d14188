import FoundationEssentials

/// Which instances to list.
public struct InstanceFilter: Sendable, Equatable {
    /// Only instances carrying every one of these tags (`tags[]`).
    public var tags: [String]
    /// Only instances whose name contains this text, ignoring case (`searchText`).
    public var searchText: String?
    /// Lighter list items without configuration (`hydrate=false`).
    public var hydrate: Bool

    public init(tags: [String] = [], searchText: String? = nil, hydrate: Bool = true) {
        self.tags = tags; self.searchText = searchText; self.hydrate = hydrate
    }

    /// Whether `instance` belongs in the result: a `microsoftgraph` instance (or one whose
    /// connector the answer did not say) with every tag and the search text in its name.
    ///
    /// Applied to every page as well as sent, so results are right where the service ignores
    /// the parameters (API notes 11.4).
    public func admits(_ instance: Instance) -> Bool {
        if let key = instance.element?.key, !key.isEmpty, key != ParameterTable.connectorKey { return false }
        guard tags.allSatisfy(instance.tags.contains) else { return false }
        guard let text = searchText, !text.isEmpty else { return true }
        return instance.name.lowercased().contains(text.lowercased())
    }
}

/// Why a listing stopped before the service said it was complete.
public enum PagingStop: Sendable, Equatable {
    /// The service handed out a next-page token it had already given.
    case repeatedToken(pages: Int, instances: Int)
    /// `OpenConnectorsClient.maximumPages` pages were read and the service still offered more.
    case pageLimit(pages: Int, instances: Int)

    /// The same in one line of a screen (under 76 columns).
    public var shortMessage: String {
        switch self {
        case .repeatedToken(let pages, let instances): "Stopped after \(pages) pages, \(instances) instances: the service repeated a page."
        case .pageLimit(let pages, let instances): "Stopped after \(pages) pages, \(instances) instances: more exist; filter by tag."
        }
    }

    /// What happened and what it means, for every driver.
    public var message: String {
        switch self {
        case .repeatedToken(let pages, let instances):
            "The listing stopped after \(pages) page\(pages == 1 ? "" : "s") (\(instances) instance\(instances == 1 ? "" : "s")): the service sent a next-page token it had already sent, which would repeat forever. Instances after that point may be missing."
        case .pageLimit(let pages, let instances):
            "The listing stopped after \(pages) pages (\(instances) instance\(instances == 1 ? "" : "s")), the most ocwizard reads, while the service still offered more. Instances after that point are missing: narrow the search with a tag or a name (--tag, --name)."
        }
    }
}

/// One page of a listing.
public struct InstancePage: Sendable, Equatable {
    /// The instances on this page that pass the filter.
    public var instances: [Instance]
    /// `elements-total-count`, when the service sent it.
    public var totalCount: Int?
    /// `elements-next-page-token`; `nil` on the last page.
    public var nextPageToken: String?
    /// How many items the service sent on this page, before the filter.
    public var servedCount: Int
    /// Set on the last page handed over when paging was stopped by ocwizard, not by the service.
    public var stopped: PagingStop?

    public init(instances: [Instance], totalCount: Int? = nil, nextPageToken: String? = nil, servedCount: Int? = nil, stopped: PagingStop? = nil) {
        self.instances = instances; self.totalCount = totalCount; self.nextPageToken = nextPageToken
        self.servedCount = servedCount ?? instances.count; self.stopped = stopped
    }
}

extension OpenConnectorsClient {
    /// The most pages one listing reads (50,000 instances at the largest page size), so a service
    /// that never stops offering pages cannot make ocwizard grow without bound.
    public static let maximumPages = 250

    /// Reads one page of the account's Microsoft Graph instances: `GET /instances` with the
    /// filter's parameters, filtered again here (the service may ignore them or list other
    /// connectors' instances). A `404` carrying the service's error body is an empty page.
    public func listPage(filter: InstanceFilter = InstanceFilter(), pageSize: Int = maximumPageSize, nextPage: String? = nil) async throws(OpenConnectorsError) -> InstancePage {
        try decodePage(await send("GET", Self.pagePath(filter: filter, pageSize: pageSize, nextPage: nextPage)), filter: filter)
    }

    /// `/instances?…` for one page of the listing.
    private static func pagePath(filter: InstanceFilter, pageSize: Int, nextPage: String?) -> String {
        var query: [(String, String)] = [("pageSize", String(min(max(pageSize, 1), maximumPageSize)))]
        if !filter.hydrate { query.append(("hydrate", "false")) }
        for tag in filter.tags { query.append(("tags[]", tag)) }
        if let text = filter.searchText, !text.isEmpty { query.append(("searchText", text)) }
        if let nextPage { query.append(("nextPage", nextPage)) }
        return "/instances?" + QueryString.build(query)
    }

    /// The page a listing answer holds, filtered.
    private func decodePage(_ response: HTTPResponse, filter: InstanceFilter) throws(OpenConnectorsError) -> InstancePage {
        if Self.isEmptyListing(response) { return InstancePage(instances: []) }
        let response = try checked(response)
        let served: [Instance]
        do { served = try InstanceListAnswer(body: response.body).instances } catch {
            throw .unexpectedBody(status: response.status, detail: error.detail)
        }
        return InstancePage(instances: served.filter(filter.admits), totalCount: response.header("elements-total-count").flatMap { Int($0) },
                            nextPageToken: PagingGuard.nextPageToken(response), servedCount: served.count)
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

    /// Reads the listing page by page, handing each page to `body`.
    ///
    /// The last page handed over has no next-page token. Paging ends when the service sends no
    /// token, an empty page, or a `404` with its error body; ocwizard ends it (and says why in
    /// `stopped`) on a token it already used or after `maximumPages` pages. Cancelling the task
    /// ends it between pages and stops the request under way.
    ///
    /// The pages come through `HTTPTransport.sendEach`: the next page's request leaves as soon
    /// as this page's answer is in (its token is a header), so decoding and `body` run while the
    /// next page is on the wire; a next page fetched for an answer that turns out empty is dropped.
    public func forEachPage(filter: InstanceFilter = InstanceFilter(), pageSize: Int = maximumPageSize, maximumPages: Int = maximumPages,
                            _ body: (InstancePage) async -> Void) async throws(OpenConnectorsError) {
        let paging = PagingGuard(maximumPages: maximumPages)
        let first = request("GET", Self.pagePath(filter: filter, pageSize: pageSize, nextPage: nil))
        let answers = transport.sendEach(first) { [self] response in
            paging.advance(after: response).map { request("GET", Self.pagePath(filter: filter, pageSize: pageSize, nextPage: $0)) }
        }
        var instances = 0
        do {
            for try await response in answers {
                if Task.isCancelled { break }
                let step = paging.takeStep()
                var page = try decodePage(response, filter: filter)
                instances += page.instances.count
                var next = step.token
                if page.servedCount == 0 {
                    next = nil
                } else if let stop = step.stop {
                    page.stopped = switch stop {
                    case .repeatedToken: PagingStop.repeatedToken(pages: step.pages, instances: instances)
                    case .pageLimit: PagingStop.pageLimit(pages: step.pages, instances: instances)
                    }
                }
                page.nextPageToken = next
                await body(page)
                if next == nil { return }
            }
        } catch let error as OpenConnectorsError {
            throw error
        } catch {
            throw Self.transportFailure(error)
        }
        if Task.isCancelled { throw .transport(.cancelled) }
    }

    /// Whether `response` is the service's way of saying "nothing matches": a `404` whose body is
    /// an Open Connectors error (`requestId` and `message`), as CE's own suite expects for a
    /// search without results (API notes 11.1). A bare `404` (a wrong base URL) is not.
    static func isEmptyListing(_ response: HTTPResponse) -> Bool {
        guard response.status == 404, let body = try? JSONDecoder().decode(APIErrorBody.self, from: Data(response.body)) else { return false }
        return body.requestId != nil && body.message != nil
    }
}

/// A listing answer: a JSON array of instances, or an object holding one as its only array
/// member (`{"instances": […]}`), since the meaning is clear either way.
struct InstanceListAnswer {
    let instances: [Instance]

    /// Reads a listing's body with `JSONParser` (a page of 200 instances is read in one pass).
    init(body: [UInt8]) throws(JSONShapeError) {
        let json: JSONValue
        do { json = try JSONParser.parse(body) } catch { throw JSONShapeError("not valid JSON") }
        let items: [JSONValue]
        switch json {
        case .array(let list):
            items = list
        case .object(let members):
            let lists = members.compactMap { member -> [JSONValue]? in if case .array(let list) = member.1 { list } else { nil } }
            guard lists.count == 1 else { throw JSONShapeError("expected a list of instances") }
            items = lists[0]
        default:
            throw JSONShapeError("expected a list of instances")
        }
        var instances: [Instance] = []
        instances.reserveCapacity(items.count)
        for item in items { instances.append(try Instance(json: item)) }
        self.instances = instances
    }
}
