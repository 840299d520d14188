import OpenConnectors
import TerminalKeys

extension CreateWizard {
    /// Keys while a dialog is open.
    mutating func handleModalKey(_ key: Key) -> [Effect] {
        guard let modal else { return [] }
        switch modal {
        case .help:
            if [.escape, .enter, .function(1), .character("q"), .character("?"), .character(" ")].contains(key) { self.modal = nil }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"): return [.quit(status: ExitCode.cancelled)]
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
                journey.state.check(.scope)
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
        case .save(let dialog):
            guard let instance = createdInstance else { self.modal = nil; return [] }
            let (next, effects) = dialog.handle(key, instance: instance, baseURL: form.normalized(.baseURL))
            self.modal = next.map(Modal.save)
            return effects
        }
        return []
    }
}
