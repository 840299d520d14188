/// The port for unguessable bytes (OAuth state, signature keys).
public protocol RandomSource: Sendable {
    /// `count` bytes from a cryptographically secure generator.
    func bytes(_ count: Int) -> [UInt8]
}
