import Foundation

/// Makes plausible, repeatable instances for `--seed N`: list, paging and benchmark data.
struct InstanceGenerator {
    private var random: SplitMix64
    private let now: Date

    /// Tags the generated instances draw from; every one carries `seeded`.
    static let tagPool = ["ocwizard", "calendar", "team-blue", "team-green", "prod", "test"]
    private static let people = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]

    /// Creates a generator whose output is fixed by `seed`, dating instances before `now`.
    init(seed: UInt64, now: Date) {
        random = SplitMix64(seed: seed)
        self.now = Timestamp.wholeSeconds(now)
    }

    /// `count` instances with ids from `firstID` on, created one to sixty minutes apart,
    /// the newest shortly before `now`.
    mutating func instances(count: Int, firstID: Int) -> [InstanceRecord] {
        var created = now
        var made: [InstanceRecord] = []
        for index in stride(from: count - 1, through: 0, by: -1) {
            created -= TimeInterval(Int.random(in: 60...3600, using: &random))
            made.append(instance(id: firstID + index, number: index + 1, created: created))
        }
        return made.reversed()
    }

    /// Instances of other connectors (variant `other-connectors`), with names and tags that
    /// collide with the README's examples, so a client that does not check `element.key` shows them.
    static func otherConnectorInstances(firstID: Int, created: Date) -> [InstanceRecord] {
        let made: [(element: String, name: String, tags: [String])] = [
            ("sfdc", "graph-calendar-alice", ["team-a"]),
            ("box", "team-a-files", ["team-a", "ocwizard"]),
        ]
        return made.enumerated().map { index, item in
            InstanceRecord(
                id: firstID + index, name: item.name, elementKey: item.element, token: "other-connector-token-\(index + 1)",
                tags: item.tags, configuration: ["oauth.api.key": "other-app", "oauth.api.secret": "other-secret"],
                valid: true, disabled: false, createdDate: Timestamp.wholeSeconds(created)
            )
        }
    }

    /// One generated instance.
    private mutating func instance(id: Int, number: Int, created: Date) -> InstanceRecord {
        let person = Self.people.randomElement(using: &random)!
        let name = String(format: "graph-calendar-%@-%04d", person, number)
        let extraTags = Self.tagPool.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
        let eventsEnabled = Bool.random(using: &random)
        var configuration = [
            "oauth.api.key": "5a4db0c5-c11e-4d1d-a000-000000000001",
            "oauth.api.secret": "sandbox-client-secret",
            "oauth.callback.url": "http://127.0.0.1:8765/callback",
            "oauth.scope": ElementCatalog.microsoftGraph.defaultScope,
            InstanceRecord.eventsEnabledKey: eventsEnabled ? "true" : "false",
        ]
        if eventsEnabled {
            configuration[InstanceRecord.eventsCallbackKey] = "https://events.example.com/\(person)"
            configuration["event.notification.signature.key"] = RandomText.hex(byteCount: 16, using: &random)
        }
        return InstanceRecord(
            id: id,
            name: name,
            elementKey: ElementCatalog.microsoftGraph.key,
            token: RandomText.instanceToken(using: &random),
            tags: ["seeded"] + extraTags,
            configuration: configuration,
            valid: true,
            disabled: Int.random(in: 0..<10, using: &random) == 0,
            createdDate: created
        )
    }
}
