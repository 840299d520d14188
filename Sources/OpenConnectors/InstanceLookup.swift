import FoundationEssentials

/// What to look for when a create's answer was lost, or before a create: instances of the
/// connector with exactly this name (and these tags), optionally only recent ones.
///
/// The listing is narrowed with `searchText` and `tags[]` where the service honours them; the
/// match itself is always made here, so the result is right when the service ignores them.
public struct InstanceLookup: Sendable, Equatable {
    /// The exact name, compared as the service stores it (no surrounding blanks).
    public var name: String
    /// Tags every match must carry (the service may add more, such as the name).
    public var tags: [String]
    /// Only instances created this recently count; `nil` counts every age.
    public var createdWithin: Duration?
    /// Instances known to have existed before (seen on Review): never a match for a new one.
    public var excludedIDs: Set<Int>

    /// How far back a lost create is looked for: the longest a submit can take (timeouts) plus
    /// room for a clock that differs from the service's.
    public static let recentWindow: Duration = .seconds(15 * 60)

    public init(name: String, tags: [String] = [], createdWithin: Duration? = nil, excludedIDs: Set<Int> = []) {
        self.name = name; self.tags = tags; self.createdWithin = createdWithin; self.excludedIDs = excludedIDs
    }

    /// What to look for after `body` (a `POST /instances` body) was sent: its name and tags,
    /// created recently, none of `excludedIDs`.
    public static func created(by body: JSONValue, excludedIDs: Set<Int> = []) -> InstanceLookup {
        let tags: [String] = if case .array(let values)? = body["tags"] { values.compactMap(\.stringValue) } else { [] }
        return InstanceLookup(name: body["name"]?.stringValue ?? "", tags: tags, createdWithin: recentWindow, excludedIDs: excludedIDs)
    }

    /// The listing filter that narrows the search (the match does not depend on it).
    public var filter: InstanceFilter {
        InstanceFilter(tags: tags, searchText: name)
    }

    /// Whether `instance` is a match at `now`. An instance whose creation date cannot be read
    /// counts as recent: calling a created instance "not found" is the mistake to avoid.
    public func matches(_ instance: Instance, now: Date) -> Bool {
        guard instance.name == name, !excludedIDs.contains(instance.id),
              instance.element.map({ $0.key == ParameterTable.connectorKey }) ?? true,
              Set(tags).isSubset(of: Set(instance.tags)) else { return false }
        guard let createdWithin, let created = Self.date(instance.createdDate) else { return true }
        return now.timeIntervalSince(created) <= Double(createdWithin.components.seconds)
    }

    /// The matches among `instances`, newest first (highest id when dates tie or are missing).
    public func matches(in instances: [Instance], now: Date) -> [Instance] {
        instances.filter { matches($0, now: now) }.sorted { lhs, rhs in
            let left = Self.date(lhs.createdDate), right = Self.date(rhs.createdDate)
            if let left, let right, left != right { return left > right }
            return lhs.id > rhs.id
        }
    }

    /// A creation date as the service writes it: ISO-8601 with or without fractions of a second,
    /// or a number of seconds (or milliseconds) since 1970.
    static func date(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        if let number = Double(text) { return Date(timeIntervalSince1970: number > 100_000_000_000 ? number / 1000 : number) }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

extension OpenConnectorsClient {
    /// The instances matching `lookup` at `now`, newest first: read page by page with the
    /// listing, matched here.
    public func findInstances(_ lookup: InstanceLookup, now: Date) async throws(OpenConnectorsError) -> [Instance] {
        var found: [Instance] = []
        try await forEachPage(filter: lookup.filter) { page in
            found += lookup.matches(in: page.instances, now: now)
        }
        return lookup.matches(in: found, now: now)
    }
}
