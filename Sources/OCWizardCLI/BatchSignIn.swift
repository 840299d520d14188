import LineUI
import OpenConnectors
import SystemPorts
import Wizard

/// A sign-in for `--no-input` runs with a loopback callback and no code: the sign-in URL goes to
/// standard error, and the run waits for the browser to come back to the wizard's listener.
struct BatchSignIn {
    /// How long a sign-in is waited for: a grant code's lifetime (about 10 minutes).
    static let codeLifetime: Duration = .seconds(600)

    /// Why no code came back.
    enum Failure: Error, Equatable {
        /// The service would not give the sign-in URL.
        case noSignInURL(OpenConnectorsError)
        /// The listener could not listen.
        case cannotListen(ListenFailure)
        /// Microsoft sent the browser back with `error=…`.
        case refused(GrantCodeProblem)
        /// Nothing came back within the wait.
        case timedOut(Duration)

        /// The message for standard error.
        var message: String {
            switch self {
            case .noSignInURL(let error): "cannot get the sign-in URL: \(error.summary) \(error.nextStep)"
            case .cannotListen(let failure): failure.reason + " Or pass the code with OC_CODE (or --code -)."
            case .refused(let problem): "the sign-in came back without a code: \(problem.message)"
            case .timedOut(let wait): "no sign-in came back within \(BatchSignIn.spoken(wait)); run the command again for a new sign-in URL, or pass the code with OC_CODE."
            }
        }

        /// The exit status: Microsoft's or the service's refusal is 3, the rest 1.
        var status: ExitStatus {
            switch self {
            case .noSignInURL(let error): ExitStatus(error)
            case .refused: .serviceRefused
            case .cannotListen, .timedOut: .failure
            }
        }
    }

    let performer: any EffectPerformer
    let console: any TerminalDevice
    /// How long to wait for the browser.
    var wait: Duration = BatchSignIn.codeLifetime

    /// "10 minutes", or "N seconds" below two minutes.
    static func spoken(_ wait: Duration) -> String {
        let seconds = wait.components.seconds
        return seconds >= 120 ? "\(seconds / 60) minutes" : "\(seconds) seconds"
    }

    /// Whether `form` needs this: no code, and a callback URL the wizard can listen on.
    static func applies(to form: InstanceForm) -> Bool {
        form.normalized(.code).isEmpty && LoopbackCallback(form.normalized(.callbackURL)) != nil
    }

    /// Fetches the sign-in URL for `request`, prints it, and waits for the browser's redirect to
    /// `callback` (the request's callback URL); returns the redirected address (code and checked
    /// `state` in it).
    func redirectedAddress(for request: AuthorizationRequest, callback: LoopbackCallback) async -> Result<String, Failure> {
        let signIn: AuthorizationURL
        switch await performer.signInURL(for: request) {
        case .success(let redirect): signIn = AuthorizationURL(url: redirect.oauthUrl, request: request)
        case .failure(let error): return .failure(.noSignInURL(error))
        }
        // The URL is printed once the listener listens, so the browser never finds the port closed.
        return await caught(on: callback, expectedState: signIn.expectedState) {
            console.printError("ocwizard: sign in with this URL in a browser on this machine; waiting up to \(Self.spoken(wait)) for it to come back to \(callback.origin)\(callback.path):")
            console.printError(TextSafety.visible(signIn.url))
        }
    }

    /// Listens on `callback` until a code with `expectedState` comes, Microsoft refuses, or the
    /// wait ends; `listening` runs once the listener accepts connections.
    private func caught(on callback: LoopbackCallback, expectedState: String, listening: () -> Void) async -> Result<String, Failure> {
        let (results, continuation) = AsyncStream.makeStream(of: EffectResult.self)
        let performer = self.performer
        let listener = Task {
            await performer.perform(.listenForRedirect(callback, expectedState: expectedState)) { continuation.yield($0) }
            continuation.finish()
        }
        let wait = self.wait
        let timer = Task {
            try? await Task.sleep(for: wait)
            continuation.finish()
        }
        defer { timer.cancel() }
        var outcome: Result<String, Failure> = .failure(.timedOut(wait))
        loop: for await result in results {
            switch result {
            case .redirectListening(.success): listening()
            case .redirectListening(.failure(let failure)): outcome = .failure(.cannotListen(failure)); break loop
            case .redirectCaught(.signedIn(let url)): outcome = .success(url); break loop
            case .redirectCaught(.refused(let problem)): outcome = .failure(.refused(problem)); break loop
            default: break
            }
        }
        await performer.perform(.stopListening) { _ in }
        await listener.value
        return outcome
    }
}

extension EffectPerformer {
    /// Asks the service for the sign-in URL of `request` (what `fetchAuthorizationURL` reports).
    func signInURL(for request: AuthorizationRequest) async -> Result<OAuthRedirect, OpenConnectorsError> {
        for result in await results(of: .fetchAuthorizationURL(request)) {
            if case .authorizationURL(let outcome) = result { return outcome }
        }
        preconditionFailure("fetching the sign-in URL always reports its outcome")
    }
}
