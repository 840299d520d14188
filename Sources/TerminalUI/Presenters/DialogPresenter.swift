import OpenConnectors
import Wizard

/// The props of every dialog, create's and recover's.
enum DialogPresenter {
    /// A dialog of the create wizard (and of the journeys recover runs).
    static func create(_ modal: Modal, _ state: CreateWizard) -> DialogBox.Props {
        switch modal {
        case .help(let id?):
            let row = ParameterTable[id]
            var blocks: [DialogBox.Block] = [.paragraph(row.help), .blank, .note("Parameter: \(row.wireKey)")]
            if let flag = row.flag { blocks.append(.note("Flag: \(flag)")) }
            if let variable = row.environmentVariable { blocks.append(.note("Environment: \(variable)")) }
            return DialogBox.Props(title: "Help · \(row.label)", blocks: blocks + [.blank, .note("Esc or Enter closes this help.")])
        case .help(nil):
            let nothingCreated = state.createdInstance == nil && state.journey.stepIDs.contains(.submitting)
            let keys = state.keyBindings.map { HelpBar.Item(key: $0.keyLabel, action: $0.action) }
                + [HelpBar.Item(key: "Ctrl-C", action: nothingCreated ? "quit now (nothing is created)" : "quit")]
            return DialogBox.Props(title: "Help · keys", blocks: [.keys(keys), .blank, .note("Esc or Enter closes this help.")])
        case .confirmQuit:
            return DialogBox.Props(title: "Quit?", blocks: [.paragraph(state.quitQuestion), .blank, .keysLine("y  quit    n  stay")])
        case .scopePicker(let cursor, let chosen):
            let choices = ScopeCatalog.common.map { scope in
                DialogBox.Choice(ticked: chosen.contains { $0.lowercased() == scope.name.lowercased() }, name: scope.name, summary: scope.summary)
            }
            return DialogBox.Props(title: "Pick scopes", blocks: [.choices(choices, cursor: cursor), .blank,
                                                                  .note("↑/↓ move · Space tick · Enter apply · Esc cancel")])
        case .newSignatureKey(let key):
            return DialogBox.Props(title: "New signature key", blocks: [
                .paragraph("Store this key now in your event receiver's configuration: it verifies the Elements-Webhook-Signature header. It is shown in clear only this once."),
                .blank, .code(key), .blank, .keysLine("c  copy to clipboard    Enter  done"),
            ])
        case .save(let dialog):
            return save(dialog)
        }
    }

    /// A dialog of recover's table and detail.
    static func recover(_ modal: RecoverModal, _ state: RecoverWizard) -> DialogBox.Props {
        switch modal {
        case .help:
            // Generated from the same bindings that dispatch the keys and fill the help bar.
            let bindings = state.screen == .instances
                ? [HelpBar.Item(key: "type", action: "filter by name, id or tag")] + state.listBindings.map { HelpBar.Item(key: $0.keyLabel, action: $0.action) }
                : state.detailBindings.map { HelpBar.Item(key: $0.keyLabel, action: $0.action) }
            return DialogBox.Props(title: "Help · keys", blocks: [.keys(bindings + [HelpBar.Item(key: "Ctrl-C", action: "quit")]), .blank,
                                                                  .note("Any key closes this help.")])
        case .confirmDelete(let editor):
            let question = "Delete \(state.detail?.name ?? "") (id \(state.detail?.id ?? 0))? Its token stops working at once and this cannot be undone. Type the instance's name to confirm:"
            return DialogBox.Props(title: "Delete instance", blocks: [.paragraph(question), .blank, .input(InputLine.Props(editor)), .blank,
                                                                      .note("Enter delete · Esc keep it")])
        case .save(let dialog):
            return save(dialog)
        }
    }

    /// The save dialogs, create's and recover's alike.
    static func save(_ dialog: SaveDialog) -> DialogBox.Props {
        switch dialog {
        case .path(let editor):
            DialogBox.Props(title: "Save the instance", blocks: [
                .paragraph("File for {id, name, token, baseUrl, element, tags, valid, disabled, eventsEnabled, createdDate}; it is written readable only by you (mode 0600)."),
                .blank, .input(InputLine.Props(editor)), .blank, .note("Enter save · Esc cancel"),
            ])
        case .confirmOverwrite(let path):
            DialogBox.Props(title: "Replace file?", blocks: [.paragraph("\(path) already exists. Replace it?"), .blank,
                                                            .keysLine("y  replace    n  choose another name")])
        }
    }
}
