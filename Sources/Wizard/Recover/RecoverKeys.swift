import OpenConnectors
import TerminalKeys

/// What a key does on the instance table.
public enum ListCommand: Sendable, Equatable {
    case move, movePage, moveToEnd, sort, reverseSort, help, open, back, retry
}

/// What a key does on an instance's detail screen.
public enum DetailCommand: Sendable, Equatable {
    case nextButton, previousButton, reveal, help, back, press
}

extension RecoverWizard {
    /// The instance table's bindings in force now; keys bound to nothing type into the filter.
    public var listBindings: [KeyBinding<ListCommand>] {
        if busy != nil { return [KeyBinding([.escape], "Esc", "cancel", .back)] }
        var bindings: [KeyBinding<ListCommand>] = [
            KeyBinding([.up, .down], "↑/↓", "move", .move),
            KeyBinding([.pageUp, .pageDown], "PgUp/PgDn", "move a page", .movePage, inHelpBar: false),
        ]
        // With a filter typed, Home and End move in the filter text instead.
        if filter.text.isEmpty { bindings.append(KeyBinding([.home, .end], "Home/End", "first/last", .moveToEnd, inHelpBar: false)) }
        let empty = list.all.isEmpty && listing == .complete
        bindings += [
            KeyBinding([.enter], "Enter", empty ? "create one" : "open", .open),
            KeyBinding([.tab], "Tab", "sort", .sort),
            KeyBinding([.backTab], "S-Tab", "reverse sort", .reverseSort, inHelpBar: false),
            KeyBinding([.escape], "Esc", filter.text.isEmpty ? "back" : "clear filter", .back),
            KeyBinding([.function(1)], "F1", "help", .help),
        ]
        if case .failed = listing { bindings.append(KeyBinding([.control("r")], "Ctrl-R", "try again", .retry)) }
        return bindings
    }

    /// The detail screen's bindings in force now.
    public var detailBindings: [KeyBinding<DetailCommand>] {
        if busy != nil { return [KeyBinding([.escape], "Esc", "cancel", .back)] }
        return [
            KeyBinding([.tab, .right, .down], "Tab", "next", .nextButton),
            KeyBinding([.backTab, .left, .up], "S-Tab", "previous", .previousButton, inHelpBar: false),
            KeyBinding([.enter, .character(" ")], "Enter", detailFocus.label.lowercased(), .press),
            KeyBinding([.control("r")], "Ctrl-R", tokenRevealed ? "hide token" : "reveal token", .reveal),
            KeyBinding([.escape], "Esc", "back to list", .back),
            KeyBinding([.function(1), .character("?")], "F1", "help", .help),
        ]
    }
}
