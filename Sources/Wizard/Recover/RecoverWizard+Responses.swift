import OpenConnectors

extension RecoverWizard {
    /// Feeds an effect's result back into the state.
    mutating func handle(_ result: EffectResult) -> [Effect] {
        switch result {
        case .credentialsVerified, .authorizationURL, .signInSimulated, .signatureKeyGenerated, .browserOpened, .redirectListening, .redirectCaught:
            return forwardToChild(.response(result))
        case .clipboardCopied:
            if child != nil { return forwardToChild(.response(result)) }
            notice = "Copied to the clipboard (OSC 52; your terminal must allow it)."
        case .instancesPage(.success(let page)):
            guard case .loading(let pages, _) = listing else { return [] }
            list.append(page.instances)
            // The client ends paging itself (no token on the last page handed over); a page the
            // filter emptied (other connectors' instances) is not the end.
            listing = page.nextPageToken == nil ? .complete : .loading(pages: pages + 1, total: page.totalCount)
            if let stop = page.stopped {
                pagingStop = stop
                notice = stop.message
            }
        case .instancesPage(.failure(let error)):
            if case .api(let failure) = error, failure.kind == .wrongSecrets { backToConnection(error) } else { listing = .failed(error) }
        case .instanceLoaded(let outcome):
            guard busy == .loadingDetail else { return [] }
            busy = nil
            if let lost = lostAction {
                lostAction = nil
                settle(lost, reread: outcome)
                return []
            }
            switch outcome {
            case .success(let instance):
                detail = instance
                list.replace(id: instance.id, with: instance)
                // After Enable the button is gone: the focus goes back to the first one.
                if !detailActions.contains(detailFocus) { detailFocus = .copyToken }
            case .failure(let error):
                failed(error)
            }
            if let lost = lostReauthentication {
                // The instance was read again after a re-authentication lost its answer.
                lostReauthentication = nil
                banner = lost.banner(reread: outcome)
            }
        case .instanceReauthenticated(let outcome):
            guard busy == .reauthenticating else { return [] }
            busy = nil
            switch outcome {
            case .success(let instance):
                signInJourney = nil
                let before = detail
                detail = instance
                list.replace(id: instance.id, with: instance)
                screen = .detail
                tokenRevealed = false
                detailFocus = .copyToken
                banner = before.map { Reauthentication.outcome(before: $0, after: instance) }
                    ?? Reauthentication.success(previousToken: nil, instance: instance)
            case .failure(let error) where error.isOutcomeUnknown:
                // It may have been applied (and the code used): read the instance again, offer no retry.
                guard let before = detail else { return [] }
                signInJourney = nil
                screen = .detail
                lostReauthentication = LostReauthentication(cause: error, before: before)
                beginBusy(.loadingDetail)
                return [.loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: before.id)]
            case .failure(let error):
                let route = FailureRouter.route(error)
                if var child = signInJourney, let target = route.target, child.journey.stepIDs.contains(target) {
                    // Sign in again (or fix the Azure app values) with every other value kept.
                    let effects = child.drive { $0.reopen(following: route) }
                    signInJourney = child
                    screen = .reauthenticate
                    return effects
                }
                signInJourney = nil
                screen = .detail
                failed(error)
            }
        case .instanceEnabled(let outcome):
            guard busy == .enabling, let detail else { return [] }
            busy = nil
            switch outcome {
            case .success:
                notice = "Enabled \(detail.name)."
                beginBusy(.loadingDetail)
                return [.loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: detail.id)]
            case .failure(let error) where error.isOutcomeUnknown:
                return lookAgain(after: LostInstanceAction(.enable, cause: error, instance: detail))
            case .failure(let error): failed(error)
            }
        case .instanceDeleted(let outcome):
            guard busy == .deleting, let deleted = detail else { return [] }
            busy = nil
            switch outcome {
            case .success:
                list.replace(id: deleted.id, with: nil)
                detail = nil
                selectedID = nil
                screen = .instances
                notice = "Deleted \(deleted.name) (id \(deleted.id)); its token no longer works."
            case .failure(let error) where error.isOutcomeUnknown:
                return lookAgain(after: LostInstanceAction(.delete, cause: error, instance: deleted))
            case .failure(let error): failed(error)
            }
        case .fileSaved(let outcome):
            let result = SaveDialog.outcome(outcome)
            modal = result.dialog.map(RecoverModal.save)
            savedPath = result.savedPath ?? savedPath
            notice = result.notice
        case .testEventSent(let report):
            notice = nil
            banner = report.banner
        case .instanceCreated, .instancesFound:
            break
        }
        return []
    }

    /// Reads the instance again after an Enable or Delete whose answer was lost.
    private mutating func lookAgain(after lost: LostInstanceAction) -> [Effect] {
        lostAction = lost
        beginBusy(.loadingDetail)
        return [.loadInstance(baseURL: connection.baseURL, credentials: connection.credentials, id: lost.instance.id)]
    }

    /// Says what the re-read shows after a lost Enable or Delete, and shows the instance as it is
    /// now (a deleted one leaves the list and the detail).
    private mutating func settle(_ lost: LostInstanceAction, reread: Result<Instance, OpenConnectorsError>) {
        banner = lost.banner(reread: reread)
        if lost.action == .delete, lost.outcome(reread: reread) == .done {
            list.replace(id: lost.instance.id, with: nil)
            detail = nil
            selectedID = nil
            screen = .instances
        } else if case .success(let instance) = reread {
            detail = instance
            list.replace(id: instance.id, with: instance)
            if !detailActions.contains(detailFocus) { detailFocus = .copyToken }
        }
    }

    /// Shows a failed call; a 401 goes back to the connection step.
    private mutating func failed(_ error: OpenConnectorsError) {
        if case .api(let failure) = error, failure.kind == .wrongSecrets {
            backToConnection(error)
        } else if error == .transport(.cancelled) {
            notice = "Cancelled."
        } else {
            banner = .failure(error)
        }
    }
}
