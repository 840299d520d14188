import Foundation
import Testing

/// `GET /instances` and `GET /elements/{key}/instances`: filters, paging, hydration.
@Suite struct ListingTests {
    @Test func pagesThroughAThousandSeededInstances() async throws {
        try await withSandbox({ $0.seedCount = 1000 }) { sandbox in
            var ids: [Int] = []
            var token: String?
            var pages = 0
            repeat {
                let next = token.map { "&nextPage=\($0)" } ?? ""
                let response = try await sandbox.send("GET", "/instances?pageSize=200\(next)")
                #expect(response.status == 200)
                #expect(response.headers["elements-total-count"] == "1000")
                ids += response.array.compactMap { $0["id"] as? Int }
                token = response.headers["elements-next-page-token"]
                pages += 1
            } while token != nil && pages < 10
            #expect(pages == 5)
            #expect(ids.count == 1000)
            #expect(Set(ids).count == 1000)
            #expect(ids == ids.sorted())
        }
    }

    @Test func defaultAndLargestPageSizeIs200() async throws {
        try await withSandbox({ $0.seedCount = 250 }) { sandbox in
            #expect(try await sandbox.send("GET", "/instances").array.count == 200)
            #expect(try await sandbox.send("GET", "/instances?pageSize=5000").array.count == 200)
            let small = try await sandbox.send("GET", "/instances?pageSize=7")
            #expect(small.array.count == 7)
            #expect(small.headers["elements-next-page-token"] != nil)
        }
    }

    @Test func lastPageHasNoNextPageToken() async throws {
        try await withSandbox({ $0.seedCount = 4 }) { sandbox in
            let first = try await sandbox.send("GET", "/instances?pageSize=2")
            let token = try #require(first.headers["elements-next-page-token"])
            let last = try await sandbox.send("GET", "/instances?pageSize=2&nextPage=\(token)")
            #expect(last.array.count == 2)
            #expect(last.headers["elements-next-page-token"] == nil)
            #expect(last.headers["elements-total-count"] == "4")
        }
    }

    @Test(arguments: ["pageSize=0", "pageSize=abc", "nextPage=bogus"])
    func badPagingParametersAre400(query: String) async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", "/instances?\(query)")
            #expect(response.status == 400)
            #expect(isRequestID(response.object["requestId"]))
        }
    }

    @Test func tagsMustAllBeCarried() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.createdInstanceID(name: "a", tags: ["ocwizard", "team"])
            _ = try await sandbox.createdInstanceID(name: "b", tags: ["ocwizard"])
            _ = try await sandbox.createdInstanceID(name: "c", tags: ["team"])
            let both = try await sandbox.send("GET", "/instances?tags%5B%5D=ocwizard&tags%5B%5D=team")
            #expect(both.array.map { $0["name"] as? String } == ["a"])
            #expect(both.headers["elements-total-count"] == "1")
            let one = try await sandbox.send("GET", "/instances?tags[]=ocwizard")
            #expect(one.array.map { $0["name"] as? String } == ["a", "b"])
        }
    }

    @Test func searchTextIsACaseInsensitiveSubstringOfTheName() async throws {
        try await withSandbox { sandbox in
            _ = try await sandbox.createdInstanceID(name: "Graph Calendar Alice")
            _ = try await sandbox.createdInstanceID(name: "graph-bob")
            let response = try await sandbox.send("GET", "/instances?searchText=calendar%20ALICE")
            #expect(response.array.map { $0["name"] as? String } == ["Graph Calendar Alice"])
            let plus = try await sandbox.send("GET", "/instances?searchText=calendar+alice")
            #expect(plus.array.count == 1)
        }
    }

    @Test func hydrateFalseLeavesConfigurationOutButKeepsTheToken() async throws {
        try await withSandbox({ $0.seedCount = 3 }) { sandbox in
            let light = try await sandbox.send("GET", "/instances?hydrate=false")
            #expect(light.array.count == 3)
            #expect(light.array.allSatisfy { $0["configuration"] == nil && $0["token"] is String })
            let full = try await sandbox.send("GET", "/instances")
            #expect(full.array.allSatisfy { $0["configuration"] is [String: String] })
        }
    }

    @Test func elementScopedListingWorksAndUnknownElementIs404() async throws {
        try await withSandbox({ $0.seedCount = 3 }) { sandbox in
            let response = try await sandbox.send("GET", "/elements/microsoftgraph/instances")
            #expect(response.status == 200 && response.array.count == 3)
            #expect(try await sandbox.send("GET", "/elements/box/instances").status == 404)
        }
    }

    @Test func listingNeedsCredentials() async throws {
        try await withSandbox { sandbox in
            let response = try await sandbox.send("GET", "/instances", authorized: false)
            #expect(response.status == 401)
        }
    }

    @Test func seedingIsRepeatableAndFollowsTheSeed() async throws {
        func names(seed: UInt64) async throws -> [String] {
            var result: [String] = []
            try await withSandbox({ $0.seedCount = 20; $0.seed = seed }) { sandbox in
                result = try await sandbox.send("GET", "/instances").array.map { item in
                    "\(item["name"] as? String ?? "") \(item["token"] as? String ?? "")"
                }
            }
            return result
        }
        let first = try await names(seed: 7)
        #expect(first.count == 20)
        #expect(try await names(seed: 7) == first)
        #expect(try await names(seed: 8) != first)
    }
}
