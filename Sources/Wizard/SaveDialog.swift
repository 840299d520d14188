import OpenConnectors
import SystemPorts
import TerminalKeys

/// The save-the-instance dialogs (where to, then "replace?"), shared by create and recover.
public enum SaveDialog: Sendable, Equatable {
    /// Asks where to save; the path is edited here.
    case path(TextEditor)
    /// The file exists: replace it?
    case confirmOverwrite(path: String)

    /// The first dialog, with a file name derived from the instance name.
    public static func start(for instance: Instance) -> SaveDialog {
        .path(TextEditor(text: ResultFile.defaultFileName(for: instance.name)))
    }

    /// Handles a key; returns the dialog still open (`nil` when closed) and the effects.
    func handle(_ key: Key, instance: Instance, baseURL: String) -> (SaveDialog?, [Effect]) {
        let contents = { ResultFile.contents(instance: instance, baseURL: baseURL) }
        switch self {
        case .path(var editor):
            switch key {
            case .enter:
                let path = Normalizer.trim(editor.text)
                return path.isEmpty ? (self, []) : (self, [.saveFile(path: path, contents: contents(), overwrite: false)])
            case .escape:
                return (nil, [])
            default:
                _ = editor.apply(key)
                return (.path(editor), [])
            }
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"): return (self, [.saveFile(path: path, contents: contents(), overwrite: true)])
            case .character("n"), .character("N"), .escape: return (.path(TextEditor(text: path)), [])
            default: return (self, [])
            }
        }
    }

    /// A paste into the path.
    func pasting(_ text: String) -> SaveDialog {
        guard case .path(var editor) = self else { return self }
        editor.insert(CreateWizard.singleLine(text, joinWith: ""))
        return .path(editor)
    }

    /// After the write: the dialog to show (`nil` when done), the saved path and a notice.
    static func outcome(_ result: Result<String, SaveFailure>) -> (dialog: SaveDialog?, savedPath: String?, notice: String) {
        switch result {
        case .success(let path): (nil, path, "Saved to \(path) (readable only by you).")
        case .failure(.exists(let path)): (.confirmOverwrite(path: path), nil, "\(path) already exists.")
        case .failure(.failed(let path, let reason)): (.path(TextEditor(text: path)), nil, "Could not save \(path): \(reason)")
        }
    }
}
