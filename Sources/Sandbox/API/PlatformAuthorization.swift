import Foundation

/// The parts of an `Authorization: User …, Organization …[, Element …]` header.
struct PlatformAuthorization: Equatable, Sendable {
    /// The `User` secret.
    var user: String?
    /// The `Organization` secret.
    var organization: String?
    /// The `Element` (instance) token.
    var element: String?

    /// Reads `header`; each comma-separated part is a case-insensitive kind and its value.
    init(header: String) {
        for part in header.split(separator: ",") {
            let words = part.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard words.count == 2 else { continue }
            let value = words[1].trimmingCharacters(in: .whitespaces)
            switch words[0].lowercased() {
            case "user": user = value
            case "organization": organization = value
            case "element": element = value
            default: continue
            }
        }
    }
}
