import ArgumentParser

/// Whole-number option values of both binaries, checked while the command line is parsed: a
/// value that is not a whole number, or lies outside its range, is refused with a message that
/// names the flag and the range, so no out-of-range number reaches arithmetic further on (an
/// overflow there traps).
public enum WholeNumberOption {
    /// `text` as a whole number in `range`, or a `ValidationError` naming `flag` and the range;
    /// `unit` ("seconds") is said after "whole number of". Use it as an option's `transform`.
    public static func parse<Number: FixedWidthInteger>(_ text: String, flag: String, range: ClosedRange<Number>, unit: String? = nil) throws -> Number {
        if let value = Number(text), range.contains(value) { return value }
        let bounds = range.upperBound == Number(exactly: Int.max) ? "of \(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
        throw ValidationError("\(flag) must be a whole number\(unit.map { " of \($0)" } ?? "") \(bounds); \(text) \(verdict(text)).")
    }

    /// "is out of range" for a whole number (however large), "is not one" for anything else.
    static func verdict(_ text: String) -> String {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber } ? "is out of range" : "is not one"
    }
}
