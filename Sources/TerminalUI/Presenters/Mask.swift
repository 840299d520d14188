/// How secrets look on screen when not revealed.
enum Mask {
    /// A fixed-length mask that says nothing about the secret.
    static let dots = "••••••••"

    /// How a hidden instance token looks: fixed length, so it says nothing about the token.
    static let token = String(repeating: "•", count: 24)

    /// Dots, one per character up to 24, and the length.
    static func secret(_ value: String) -> String {
        String(repeating: "•", count: min(value.count, 24)) + " (\(value.count) chars)"
    }
}

extension Mask {
    /// A hidden field's text: one dot per grapheme, so the cursor keeps its place.
    static func field(_ value: String) -> String {
        String(repeating: "•", count: value.count)
    }
}
