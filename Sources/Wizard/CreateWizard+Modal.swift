import OpenConnectors

extension CreateWizard {
    /// Keys while a dialog is open.
    mutating func handleModalKey(_ key: Key) -> [Effect] {
        guard let modal else { return [] }
        switch modal {
        case .help:
            if [.escape, .enter, .function(1), .character("q"), .character("?"), .character(" ")].contains(key) { self.modal = nil }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"): return [.quit(status: 130)]
            case .character("n"), .character("N"), .escape, .enter: self.modal = nil
            default: break
            }
        case .scopePicker(var cursor, var chosen):
            let names = ScopeCatalog.common.map(\.name)
            switch key {
            case .up: cursor = max(0, cursor - 1)
            case .down: cursor = min(names.count - 1, cursor + 1)
            case .character(" "):
                let name = names[cursor]
                if let index = chosen.firstIndex(where: { $0.lowercased() == name.lowercased() }) { chosen.remove(at: index) } else { chosen.append(name) }
            case .enter:
                replaceValue(.scope, with: chosen.joined(separator: " "))
                messages[.scope] = Validator.problems(of: .scope, in: form)
                self.modal = nil
                return []
            case .escape:
                self.modal = nil
                return []
            default: break
            }
            self.modal = .scopePicker(cursor: cursor, chosen: chosen)
        case .newSignatureKey(let generated):
            switch key {
            case .character("c"): return [.copyToClipboard(generated)]
            case .enter, .escape: self.modal = nil
            default: break
            }
        case .savePath(var editor):
            switch key {
            case .enter:
                let path = Normalizer.trim(editor.text)
                guard !path.isEmpty, let instance = createdInstance else { return [] }
                return [.saveFile(path: path, contents: ResultFile.contents(instance: instance, baseURL: form.normalized(.baseURL)), overwrite: false)]
            case .escape:
                self.modal = nil
            default:
                _ = editor.apply(key)
                self.modal = .savePath(editor)
            }
        case .confirmOverwrite(let path):
            switch key {
            case .character("y"), .character("Y"):
                guard let instance = createdInstance else { return [] }
                return [.saveFile(path: path, contents: ResultFile.contents(instance: instance, baseURL: form.normalized(.baseURL)), overwrite: true)]
            case .character("n"), .character("N"), .escape:
                self.modal = .savePath(TextEditor(text: path))
            default: break
            }
        }
        return []
    }
}
