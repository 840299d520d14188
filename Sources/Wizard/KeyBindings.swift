import OpenConnectors
import TerminalKeys

/// What a bound key does.
public enum Command: Sendable, Equatable {
    case nextField, previousField, nextStep, previousStep, back
    case activate, toggle, help, reveal, pickScopes
    case cyclePreset
    case scroll, scrollPage
    case cancelRequest, quit
}

/// A key binding with its help text; dispatch, the help bar and F1 are generated from these.
public struct KeyBinding<Command: Sendable & Equatable>: Sendable, Equatable {
    /// The keys that trigger it.
    public let keys: [Key]
    /// How the keys are written in the help bar ("Tab", "Ctrl-R").
    public let keyLabel: String
    /// What it does, in two or three words.
    public let action: String
    /// What runs.
    public let command: Command
    /// Whether the help bar lists it (the bar is short; F1 lists everything).
    public let inHelpBar: Bool

    public init(_ keys: [Key], _ keyLabel: String, _ action: String, _ command: Command, inHelpBar: Bool = true) {
        self.keys = keys; self.keyLabel = keyLabel; self.action = action; self.command = command; self.inHelpBar = inHelpBar
    }
}

extension CreateWizard {
    /// Whether the current step is one of the form steps before the review (PgDn goes on from them).
    var isFormStep: Bool {
        guard let review = journey.stepIDs.firstIndex(of: .review) else { return true }
        return journey.index < review
    }

    /// The bindings in force now, most specific first.
    public var keyBindings: [KeyBinding<Command>] {
        if busy != nil { return [KeyBinding([.escape], "Esc", "cancel", .cancelRequest)] }
        var bindings: [KeyBinding<Command>] = []
        let scrolls = step == .review || step == .result
        if scrolls {
            bindings += [
                KeyBinding([.down, .up], "↑/↓", "scroll", .scroll),
                KeyBinding([.pageDown, .pageUp], "PgUp/PgDn", "scroll a page", .scrollPage, inHelpBar: false),
            ]
        }
        bindings += [
            KeyBinding([.tab] + (scrolls ? [] : [.down]), "Tab", "next", .nextField),
            KeyBinding([.backTab] + (scrolls ? [] : [.up]), "S-Tab", "previous", .previousField, inHelpBar: false),
            KeyBinding([.enter], "Enter", enterLabel, .activate),
        ]
        if focus == .hostPreset { bindings.append(KeyBinding([.left, .right, .character(" ")], "←/→", "host", .cyclePreset)) }
        if focus == .field(.eventsEnabled) { bindings.append(KeyBinding([.character(" ")], "Space", "toggle", .toggle)) }
        if case .action = focus { bindings.append(KeyBinding([.character(" ")], "Space", "press", .activate, inHelpBar: false)) }
        if let id = focusedParameter, ParameterTable[id].isSecret { bindings.append(KeyBinding([.control("r")], "Ctrl-R", revealed.contains(id) ? "hide" : "reveal", .reveal)) }
        if step == .result, createdInstance != nil { bindings.append(KeyBinding([.control("r")], "Ctrl-R", tokenRevealed ? "hide token" : "reveal token", .reveal)) }
        if focusedParameter == .scope { bindings.append(KeyBinding([.function(2)], "F2", "pick scopes", .pickScopes)) }
        if isFormStep {
            bindings.append(KeyBinding([.pageDown, .altRight], "PgDn", "next step", .nextStep, inHelpBar: false))
            bindings.append(KeyBinding([.pageUp, .altLeft], "PgUp", "previous step", .previousStep, inHelpBar: false))
        }
        bindings.append(KeyBinding([.function(1)] + (focusIsTextInput ? [] : [.character("?")]), "F1", "help", .help))
        bindings.append(escapeBinding)
        return bindings
    }

    /// Esc: quit on the first step and after a create, back elsewhere.
    private var escapeBinding: KeyBinding<Command> {
        if step == .result, createdInstance != nil { return KeyBinding([.escape], "Esc", "quit", .quit) }
        let quits = journey.index == 0 && firstStepBack == .quit
        return KeyBinding([.escape], "Esc", quits ? "quit" : "back", .back)
    }

    /// What Enter does on the focused element, for the help bar.
    private var enterLabel: String {
        switch focus {
        case .action(let action): action.label.prefix(1).lowercased() + action.label.dropFirst()
        case .field: enterGoesOn ? "next step" : "next"
        case .hostPreset: "next"
        }
    }

    /// The help bar: "Tab next · Enter next step · …"; a dialog lists its own keys.
    public var helpBarItems: [(key: String, action: String)] {
        switch modal {
        case .help: return [("Esc", "close help")]
        case .confirmQuit, .save(.confirmOverwrite): return [("y", "yes"), ("n", "no")]
        case .scopePicker: return [("↑/↓", "move"), ("Space", "tick"), ("Enter", "apply"), ("Esc", "cancel")]
        case .newSignatureKey: return [("c", "copy"), ("Enter", "done")]
        case .save(.path): return [("Enter", "save"), ("Esc", "cancel")]
        case nil: return keyBindings.helpBar()
        }
    }
}

extension Array {
    /// The help bar's items: the bindings it lists, then Ctrl-C, which quits everywhere.
    public func helpBar<C>() -> [(key: String, action: String)] where Element == KeyBinding<C> {
        filter(\.inHelpBar).map { ($0.keyLabel, $0.action) } + [("Ctrl-C", "quit")]
    }
}
