import Synchronization
import SystemPorts

/// A browser that records the pages it was asked to open.
public final class RecordingBrowser: BrowserOpening {
    private let opened = Mutex<[String]>([])
    public let isAvailable: Bool

    /// A browser that is there (`available`) or not, as on an SSH session.
    public init(available: Bool = true) { isAvailable = available }

    /// The URLs opened, in order.
    public var urls: [String] { opened.withLock { $0 } }

    public func open(_ url: String) throws(BrowserFailure) {
        guard isAvailable else { throw BrowserFailure(reason: "No display (in-memory browser).") }
        opened.withLock { $0.append(url) }
    }
}

/// Bytes that count up from a start value: predictable, for tests.
public struct CountingRandom: RandomSource {
    private let start: UInt8

    /// Bytes `start`, `start + 1`, … (wrapping).
    public init(start: UInt8 = 0) { self.start = start }

    public func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { start &+ UInt8(truncatingIfNeeded: $0) }
    }
}
