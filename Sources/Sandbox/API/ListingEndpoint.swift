extension SandboxAPI {
    /// `GET /instances` and `GET /elements/{key}/instances`: one page of the matching instances,
    /// with `elements-total-count` and (unless it is the last page) `elements-next-page-token`.
    func listInstances(_ request: SandboxRequest, elementKey: String?) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        let element = try elementKey.map { key throws(APIError) in try self.element(key) }
        let query = try InstanceListQuery(request: request)
        let records = await store.all().filter { element == nil || $0.elementKey == element?.key }
        let page = query.page(of: records)
        var headers = [("elements-total-count", String(page.totalCount))]
        if let token = page.nextPageToken {
            headers.append(("elements-next-page-token", token))
        }
        return .json(page.items.map { $0.wire(hydrated: query.hydrate) }, headers: headers)
    }
}
