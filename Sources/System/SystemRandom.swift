import SystemPorts

/// Random bytes from the system's secure generator (getrandom).
public struct SystemRandom: RandomSource {
    /// The real generator.
    public init() {}

    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
