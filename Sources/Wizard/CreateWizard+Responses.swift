import OpenConnectors

extension CreateWizard {
    /// Feeds an effect's result back into the state.
    mutating func handle(_ result: EffectResult) -> [Effect] {
        switch result {
        case .credentialsVerified(let outcome):
            guard busy == .verifyingCredentials else { return [] }
            busy = nil
            switch outcome {
            case .success:
                verifiedConnection = currentConnection
                return enter(.azureApp)
            case .failure(let error):
                showConnectionFailure(error)
            }
        case .authorizationURL(let outcome):
            guard busy == .fetchingAuthorizationURL else { return [] }
            busy = nil
            switch outcome {
            case .success(let redirect):
                authorization = AuthorizationURL(url: redirect.oauthUrl, request: authorizationRequest)
                focusFirst()
            case .failure(let error):
                if case .api(let failure) = error, failure.kind == .wrongSecrets {
                    _ = enter(.connection)
                    showConnectionFailure(error)
                } else {
                    banner = .failure(error)
                    focusFirst()
                }
            }
        case .signInSimulated(let outcome):
            guard busy == .simulatingSignIn else { return [] }
            busy = nil
            switch outcome {
            case .success(let redirectedURL):
                replaceValue(.code, with: redirectedURL)
                _ = enter(.grantCode)
                messages[.code] = Validator.problems(of: .code, in: form, expectedState: expectedState)
                notice = "Signed in to the sandbox; the redirected address was filled in."
            case .failure(let error):
                banner = .failure(error)
            }
        case .instanceCreated(let outcome):
            guard busy == .submitting else { return [] }
            busy = nil
            switch outcome {
            case .success(let instance):
                createdInstance = instance
                submitFailure = nil
                return enter(.result)
            case .failure(.transport(.cancelled)):
                _ = enter(.review)
                banner = Banner(tone: .warning, lines: [
                    "Submission cancelled.",
                    "If the request had already reached the service, the instance may exist: check with ocwizard recover before creating it again.",
                ])
            case .failure(let error):
                submitFailure = error
                _ = enter(.result)
                banner = .failure(error)
            }
        case .signatureKeyGenerated(let key):
            replaceValue(.signatureKey, with: key)
            modal = .newSignatureKey(key)
        case .fileSaved(let outcome):
            let result = SaveDialog.outcome(outcome)
            modal = result.dialog.map(Modal.save)
            savedPath = result.savedPath ?? savedPath
            notice = result.notice
        case .clipboardCopied:
            notice = "Copied to the clipboard (OSC 52; your terminal must allow it)."
        case .browserOpened(let outcome):
            switch outcome {
            case .success: notice = "Opened the sign-in page in your browser."
            case .failure(let failure): notice = "\(failure.reason) Copy the URL instead."
            }
        case .instancesPage, .instanceLoaded, .instanceReauthenticated, .instanceEnabled, .instanceDeleted:
            break
        }
        return []
    }

    /// Puts a failed credential check on the connection step.
    mutating func showConnectionFailure(_ error: OpenConnectorsError) {
        if case .api(let failure) = error, failure.kind == .wrongSecrets {
            let problem = Problem(parameter: .userSecret, finding: .error("Open Connectors refused the user or organization secret (401). \(failure.nextStep)"))
            messages[.userSecret] = [problem]
            messages[.organizationSecret] = [Problem(parameter: .organizationSecret, finding: .error("Check this secret too: the service does not say which of the two is wrong."))]
            focus = .field(.userSecret)
        } else {
            banner = .failure(error)
        }
    }
}
