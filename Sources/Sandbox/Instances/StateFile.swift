import Foundation

/// Everything `--state` keeps across restarts.
struct StateSnapshot: Codable, Sendable, Equatable {
    /// The file format's version.
    var version = 1
    /// The id the next created instance gets.
    var nextInstanceID: Int
    /// Every instance, in id order.
    var instances: [InstanceRecord]

    /// The state of a sandbox that has never stored anything.
    static let empty = StateSnapshot(nextInstanceID: 1001, instances: [])
}

/// The JSON file behind `--state`, read at start and replaced atomically after each change.
struct StateFile: Sendable {
    /// Where the file lives.
    var path: String

    /// Why the file could not be used.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The saved state, or `nil` when the file does not exist yet.
    func load() throws -> StateSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try WireCoding.decoder.decode(StateSnapshot.self, from: data)
        } catch {
            throw Failure(description: "cannot read sandbox state from \(path): \(error)")
        }
    }

    /// Writes `snapshot` to a temporary file beside the target, then renames it into place,
    /// so a reader sees either the old or the new state, never half of one.
    func save(_ snapshot: StateSnapshot) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            let encoder = WireCoding.encoder
            encoder.outputFormatting.insert(.prettyPrinted)
            try encoder.encode(snapshot).write(to: temporary)
        } catch {
            throw Failure(description: "cannot write sandbox state to \(temporary.path): \(error)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(description: "cannot move sandbox state into \(path): \(reason)")
        }
    }
}
