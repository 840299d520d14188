import OpenConnectors

extension RecoverWizard {
    /// Keys and pastes on the instance table: type to filter, arrows to move, Enter to open.
    mutating func handleListInput(_ event: WizardEvent) -> [Effect] {
        if case .paste(let text) = event {
            filter.insert(CreateWizard.singleLine(text, joinWith: " "))
            list.filter(filter.text)
            return []
        }
        guard case .key(let key) = event else { return [] }
        if modal == .help { modal = nil; return [] }
        guard let binding = listBindings.first(where: { $0.keys.contains(key) }) else {
            if busy == nil, filter.apply(key) { list.filter(filter.text) }
            return []
        }
        if busy != nil { return [.cancelRequest] }
        let rows = list.visible.count
        switch binding.command {
        case .move: moveSelection(by: key == .up ? -1 : 1)
        case .movePage: moveSelection(by: key == .pageUp ? -10 : 10)
        case .moveToEnd: moveSelection(by: key == .home ? -rows : rows)
        case .sort: list.sort(by: list.sort.next)
        case .reverseSort: list.sort(by: list.sort)
        case .help: modal = .help
        case .open:
            if list.all.isEmpty, listing == .complete { return [.startCreate] }
            guard let instance = selectedInstance else { return [] }
            selectedID = instance.id
            return openDetail(instance)
        case .back:
            if !filter.text.isEmpty {
                filter = TextEditor(text: "")
                list.filter("")
            } else {
                screen = .connection
            }
        case .retry:
            return startListing()
        }
        return []
    }

    /// Moves the selection, keeping it on an instance id so new pages do not move it.
    mutating func moveSelection(by delta: Int) {
        guard let row = selectedRow else { return }
        let target = min(max(0, row + delta), list.visible.count - 1)
        selectedID = list.instance(atRow: target).id
    }

    /// Shows an instance and reads it again for a fresh token and status.
    mutating func openDetail(_ instance: Instance) -> [Effect] {
        detail = instance
        screen = .detail
        tokenRevealed = false
        detailFocus = .copyToken
        savedPath = nil
        beginBusy(.loadingDetail)
        return [.loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: instance.id)]
    }

    /// Keys on the detail screen.
    mutating func handleDetailInput(_ event: WizardEvent) -> [Effect] {
        if let modal { return handleModal(modal, event) }
        guard case .key(let key) = event else { return [] }
        guard let binding = detailBindings.first(where: { $0.keys.contains(key) }) else { return [] }
        if busy != nil { return [.cancelRequest] }
        let actions = detailActions
        let index = actions.firstIndex(of: detailFocus) ?? 0
        switch binding.command {
        case .nextButton: detailFocus = actions[(index + 1) % actions.count]
        case .previousButton: detailFocus = actions[(index - 1 + actions.count) % actions.count]
        case .reveal: tokenRevealed.toggle()
        case .help: modal = .help
        case .back: screen = .instances; banner = nil
        case .press: return perform(detailFocus)
        }
        return []
    }

    /// Presses a detail button.
    mutating func perform(_ action: RecoverAction) -> [Effect] {
        guard let detail else { return [] }
        switch action {
        case .copyToken:
            guard let token = detail.token else { return [] }
            return [.copyToClipboard(token.revealed)]
        case .saveToken:
            modal = .save(.start(for: detail))
        case .reauthenticate:
            beginReauthentication()
        case .enable:
            beginBusy(.enabling)
            return [.enableInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: detail.id)]
        case .sendTestEvent:
            switch Self.testEvent(for: detail, configuration: configuration) {
            case .success(let request)?:
                notice = "Sending a signed test event to \(Redaction.url(request.url))…"
                return [.sendTestEvent(request)]
            case .failure(let missing)?: notice = missing.message
            case nil: break
            }
        case .delete:
            modal = .confirmDelete(TextEditor(text: ""))
        case .back:
            screen = .instances
            banner = nil
        }
        return []
    }

    /// Keys and pastes in a dialog.
    mutating func handleModal(_ current: RecoverModal, _ event: WizardEvent) -> [Effect] {
        guard let detail else { modal = nil; return [] }
        switch (current, event) {
        case (.help, .key):
            modal = nil
        case (.confirmDelete(var editor), .key(let key)):
            switch key {
            case .escape: modal = nil
            case .enter:
                guard editor.text == detail.name else {
                    notice = "Type the instance name exactly (\(detail.name)) to delete it."
                    return []
                }
                modal = nil
                beginBusy(.deleting)
                return [.deleteInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: detail.id)]
            default:
                _ = editor.apply(key)
                modal = .confirmDelete(editor)
            }
        case (.save(let dialog), .key(let key)):
            let (next, effects) = dialog.handle(key, instance: detail, baseURL: connection.baseURL)
            modal = next.map(RecoverModal.save)
            return effects
        case (.confirmDelete(var editor), .paste(let text)):
            editor.insert(CreateWizard.singleLine(text, joinWith: " "))
            modal = .confirmDelete(editor)
        case (.save(let dialog), .paste(let text)):
            modal = .save(dialog.pasting(text))
        default:
            break
        }
        return []
    }
}
