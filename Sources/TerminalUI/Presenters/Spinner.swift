/// The spinner frame and elapsed time of a wait, from when it began and the latest clock tick.
enum Spinner {
    static let frames = Array("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")

    /// The frame for a wait that began at `since`.
    static func frame(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Character {
        frames[tenths(since: since, now: now) % frames.count]
    }

    /// "1.2 s" since `since`.
    static func elapsed(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> String {
        let value = tenths(since: since, now: now)
        return "\(value / 10).\(value % 10) s"
    }

    private static func tenths(since: ContinuousClock.Instant?, now: ContinuousClock.Instant?) -> Int {
        guard let since, let now, now > since else { return 0 }
        let duration = now - since
        return Int(duration.components.seconds * 10 + duration.components.attoseconds / 100_000_000_000_000_000)
    }
}
