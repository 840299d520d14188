import Foundation

/// The filters and paging of `GET /instances` and `GET /elements/{key}/instances`.
struct InstanceListQuery: Sendable {
    /// Tags an instance must all carry (`tags[]`, repeatable).
    var tags: [String]
    /// A case-insensitive substring of the name (`searchText`).
    var searchText: String?
    /// Items per page (`pageSize`).
    var pageSize: Int
    /// The last id of the previous page, from the `nextPage` token.
    var afterID: Int?
    /// Whether items carry their configuration (`hydrate`, default true).
    var hydrate: Bool

    /// The page size when none is asked for, and the largest one served.
    static let maxPageSize = 200

    /// One page of results.
    struct Page: Sendable {
        /// The instances on this page.
        var items: [InstanceRecord]
        /// How many instances match across all pages (`elements-total-count`).
        var totalCount: Int
        /// The token of the following page (`elements-next-page-token`); `nil` on the last one.
        var nextPageToken: String?
    }

    /// Reads the query parameters of `request`.
    init(request: SandboxRequest) throws(APIError) {
        tags = request.queryValues("tags[]") + request.queryValues("tags")
        searchText = request.queryValue("searchText").flatMap { $0.isEmpty ? nil : $0 }
        hydrate = request.queryValue("hydrate")?.lowercased() != "false"
        if let text = request.queryValue("pageSize") {
            guard let size = Int(text), size > 0 else {
                throw .badRequest("pageSize must be a positive whole number, not '\(text)'.")
            }
            pageSize = min(size, Self.maxPageSize)
        } else {
            pageSize = Self.maxPageSize
        }
        if let token = request.queryValue("nextPage"), !token.isEmpty {
            guard let id = PageToken.afterID(token) else { throw .badRequest("Invalid nextPage token '\(token)'.") }
            afterID = id
        }
    }

    /// Forgets `tags[]`, `searchText` and `hydrate=false`, as a service that ignores them would.
    mutating func dropFilters() {
        tags = []
        searchText = nil
        hydrate = true
    }

    /// The page of `records` (in id order) this query selects.
    func page(of records: [InstanceRecord]) -> Page {
        let matching = records.filter(matches)
        let remaining = matching.drop { record in afterID.map { record.id <= $0 } ?? false }
        let items = Array(remaining.prefix(pageSize))
        let hasMore = remaining.count > items.count
        return Page(
            items: items,
            totalCount: matching.count,
            nextPageToken: hasMore ? items.last.map { PageToken.make(afterID: $0.id) } : nil
        )
    }

    /// Whether `record` carries every tag and contains the search text.
    private func matches(_ record: InstanceRecord) -> Bool {
        tags.allSatisfy(record.tags.contains)
            && (searchText.map { record.name.range(of: $0, options: .caseInsensitive) != nil } ?? true)
    }
}

/// Opaque `nextPage` tokens: the last id served, in URL-safe base64.
enum PageToken {
    private static let prefix = "sandbox-page:"

    /// The token for the page after `afterID`.
    static func make(afterID: Int) -> String {
        RandomText.base64URL(Array((prefix + String(afterID)).utf8))
    }

    /// The id a token continues after, or `nil` for a token the sandbox did not make.
    static func afterID(_ token: String) -> Int? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
              text.hasPrefix(prefix) else { return nil }
        return Int(text.dropFirst(prefix.count))
    }
}
