import Foundation

/// ISO-8601 UTC timestamps in the `2024-03-01T10:15:30Z` form the service returns.
enum Timestamp {
    /// `date` formatted in UTC to whole seconds.
    static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// `date` with its fractional seconds dropped, so it survives a round trip through text.
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
