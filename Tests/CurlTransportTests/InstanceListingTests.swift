import CurlTransport
import OpenConnectors
import Synchronization
import Testing

/// Listing follows `elements-next-page-token` through every page and reports each one.
@Suite struct InstanceListingTests {
    @Test func listInstancesPagesThroughAThousandInstances() async throws {
        try await withSandbox(configure: { $0.seedCount = 1000 }) { sandbox in
            let pages = Mutex<[InstancePage]>([])

            let instances = try await sandbox.client.listInstances(pageSize: 200) { page in
                pages.withLock { $0.append(page) }
            }

            let seen = pages.withLock { $0 }
            #expect(instances.count == 1000)
            #expect(Set(instances.map(\.id)).count == 1000)
            #expect(seen.map(\.instances.count) == [200, 200, 200, 200, 200])
            #expect(seen.allSatisfy { $0.totalCount == 1000 })
            #expect(seen.last?.nextPageToken == nil)
            #expect(seen.dropLast().allSatisfy { $0.nextPageToken != nil })
        }
    }

    @Test func listInstancesFiltersByTag() async throws {
        try await withSandbox { sandbox in
            let mine = try await sandbox.createInstance(name: "graph-tagged")
            _ = try await sandbox.client.updateInstance(id: try await sandbox.createInstance(name: "graph-other").id, tags: ["else"])

            let found = try await sandbox.client.listInstances(filter: InstanceFilter(tags: ["graph-tagged"]))

            #expect(found.map(\.id) == [mine.id])
        }
    }
}
