import CNCursesW
import TerminalKeys
import TerminalUI

/// Turns the function-key codes ncurses decodes into input; `InputDecoder` does the characters.
enum CursesKeyDecoder {
    /// A function-key code from `wget_wch` (`KEY_CODE_YES`).
    static func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_BTAB: .key(.backTab)
        case KEY_DC: .key(.delete)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_ENTER: .key(.enter)
        case KEY_RESIZE: .resize
        case KEY_F0 + 1...KEY_F0 + 12: .key(.function(Int(code - KEY_F0)))
        default:
            switch keyname(code).map({ String(cString: $0) }) {
            case "kLFT3": .key(.altLeft)
            case "kRIT3": .key(.altRight)
            default: nil
            }
        }
    }
}
