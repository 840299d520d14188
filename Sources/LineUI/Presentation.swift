import OpenConnectors
import Wizard

/// Texts the line driver prints, built from the journey's state (no terminal control in them).
enum LinePresentation {
    /// The review: every active value with secrets masked.
    static func review(_ form: InstanceForm) -> [String] {
        ParameterTable.all.filter { Validator.isActive($0, in: form) }.map { row in
            let value = switch row.id {
            case .eventsEnabled: form.eventsEnabled ? "on" : "off"
            case _ where row.isSecret: form.secret(row.id).isEmpty ? "" : "\(Redaction.dots) (hidden)"
            default: form.normalized(row.id)
            }
            let shown = value.isEmpty ? "(not set)" : value
            return "  \(row.label): \(TextSafety.visible(shown))"
        }
    }

    /// A banner as lines.
    static func banner(_ banner: Banner) -> [String] {
        let marker = switch banner.tone {
        case .error: "✗ "
        case .warning: "! "
        case .info, .success: ""
        }
        return banner.lines.enumerated().map { index, line in (index == 0 ? marker : "  ") + TextSafety.visible(line) }
    }

    /// Sends a signed test event and prints what the receiver's answer means (create's result and
    /// recover's detail alike).
    static func sendTestEvent(_ request: TestEventRequest, performer: any EffectPerformer, io: any LineIO) async {
        for case .testEventSent(let report) in await performer.results(of: .sendTestEvent(request)) {
            for line in report.lines { io.say("  " + TextSafety.visible(line)) }
        }
    }

    /// A field's messages as lines.
    static func problems(_ problems: [Problem]) -> [String] {
        problems.map { "  \($0.severity == .error ? "✗" : "!") \($0.message)" }
    }
}

/// What stays on the normal screen after a create, like `gh auth login`'s "✓ Logged in as".
public enum InstanceSummary {
    /// The instance's id and name, where it was saved, and how to get the token again; the token
    /// itself only when `token` is true (the user asked for it).
    public static func lines(_ instance: Instance, baseURL: String, savedPath: String? = nil, token: Bool = false) -> [String] {
        var lines = [
            "✓ Instance created: id \(instance.id), name \(TextSafety.visible(instance.name))",
            "  API base: \(TextSafety.visible(baseURL))",
        ]
        if token { lines.append("  token: \(TextSafety.visible(instance.revealedToken))") }
        if let savedPath { lines.append("  Saved to \(TextSafety.visible(savedPath)) (readable only by you)") }
        lines.append("  Use it with: Authorization: User $OC_USER_SECRET, Organization $OC_ORG_SECRET, Element <token>")
        lines.append("  See the token again at any time: ocwizard recover --id \(instance.id)")
        return lines
    }
}

/// Makes untrusted text safe to print: control characters (C0, DEL, C1) shown as escapes.
///
/// The one place that decides what reaches a terminal: fields use `visible`, and every line the
/// command-line outputs write goes through `visibleLines` as a last guard.
public enum TextSafety {
    /// `text` with every control character written as `\u{…}` (tabs and newlines too).
    public static func visible(_ text: String) -> String { escaping(text, keepingLayout: false) }

    /// `text` with every control character escaped except the newlines and tabs that lay out
    /// a whole output (lines, tab-separated columns): no escape sequence can reach the terminal.
    public static func visibleLines(_ text: String) -> String { escaping(text, keepingLayout: true) }

    private static func escaping(_ text: String, keepingLayout: Bool) -> String {
        // Almost every text has nothing to escape: one pass over its bytes says so, and the text
        // is returned as it is (the scalar-by-scalar copy cost a fifth of a 10,000-instance listing).
        guard holdsControl(text, keepingLayout: keepingLayout) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar.value) && !(keepingLayout && (scalar == "\n" || scalar == "\t")) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0, DEL and C1.
    static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (0x7F...0x9F).contains(value) }

    /// Whether `text` holds a control character to escape, read from its UTF-8: a byte below
    /// 0x20 (but a kept newline or tab), DEL, or a C1 character (0xC2 then 0x80…0x9F).
    static func holdsControl(_ text: String, keepingLayout: Bool) -> Bool {
        var text = text
        return text.withUTF8 { holdsControl(bytes: $0, keepingLayout: keepingLayout) }
    }

    /// Whether UTF-8 `bytes` hold a control character to escape (see `holdsControl(_:keepingLayout:)`).
    public static func holdsControl(bytes: UnsafeBufferPointer<UInt8>, keepingLayout: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 {
                if !(keepingLayout && (byte == 0x0A || byte == 0x09)) { return true }
            } else if byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
                return true
            }
            previous = byte
        }
        return false
    }
}
