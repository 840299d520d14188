/// A key press, decoded by the terminal backend.
public enum Key: Sendable, Equatable, Hashable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter (lower case), such as `.control("r")`.
    case control(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// Alt plus an arrow: step navigation.
    case altLeft, altRight
    /// A function key, F1…F12.
    case function(Int)
}
