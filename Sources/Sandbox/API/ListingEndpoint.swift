extension SandboxAPI {
    /// `GET /instances` and `GET /elements/{key}/instances`: one page of the matching instances,
    /// with `elements-total-count` and (unless it is the last page) `elements-next-page-token`.
    ///
    /// Variants: `element-instances-ignore-query` answers the connector's path with every
    /// instance at once; `instances-ignore-filters` drops the filters of `/instances`;
    /// `empty-list-404` answers `404` when nothing matches.
    func listInstances(_ request: SandboxRequest, elementKey: String?) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        let element = try elementKey.map { key throws(APIError) in try self.element(key) }
        let records = await store.all().filter { element == nil || $0.elementKey == element?.key }
        if element != nil, configuration.plays(.elementInstancesIgnoreQuery) {
            try requireSome(records)
            return .json(records.map { wire($0) })
        }
        var query = try InstanceListQuery(request: request)
        if element == nil, configuration.plays(.instancesIgnoreFilters) { query.dropFilters() }
        let page = query.page(of: records)
        try requireSome(page.items)
        var headers = [("elements-total-count", String(page.totalCount))]
        if let token = page.nextPageToken {
            headers.append(("elements-next-page-token", token))
        }
        return .json(page.items.map { wire($0, hydrated: query.hydrate) }, headers: headers)
    }

    /// With `empty-list-404`, a listing without a single item is `404` (as CE's suite expects
    /// for a search that matches nothing).
    private func requireSome(_ items: [InstanceRecord]) throws(APIError) {
        if items.isEmpty, configuration.plays(.emptyListNotFound) {
            throw .notFound("No instances found matching the search criteria.")
        }
    }
}
