/// A process environment as a value: read once at the composition root, passed to whoever needs it.
///
/// Tests build their own; `System` reads the real one. It holds secrets (`OC_USER_SECRET`, …), so
/// printing or dumping it names the variables only.
public struct ProcessEnvironment: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// Variable names to values.
    public var values: [String: String]

    /// An environment holding exactly `values`.
    public init(values: [String: String]) { self.values = values }

    /// A variable's value when set and not empty.
    public subscript(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var description: String { "ProcessEnvironment(\(values.keys.sorted().joined(separator: ", ")))" }
    public var customMirror: Mirror { Mirror(self, children: ["names": values.keys.sorted()]) }

    /// The same environment without the variables named in `names` (for a child that must not see them).
    public func removing(_ names: some Sequence<String>) -> ProcessEnvironment {
        var values = values
        for name in names { values[name] = nil }
        return ProcessEnvironment(values: values)
    }
}
