import OpenConnectors
import SystemPorts

/// A side effect the state machine asks the run loop to perform; results come back as events.
public enum Effect: Sendable, Equatable {
    /// `GET /instances?pageSize=1` with these credentials.
    case verifyCredentials(baseURL: String, credentials: Credentials)
    /// Ask the service for the Microsoft sign-in URL.
    case fetchAuthorizationURL(AuthorizationRequest)
    /// Follow the sandbox's sign-in URL once and report the redirected address (sandbox only).
    case simulateSignIn(url: String)
    /// `POST /instances` with this body.
    case createInstance(baseURL: String, credentials: Credentials, body: JSONValue)
    /// List the instances that match `lookup` (same name; after a lost answer, recent ones).
    case findInstances(baseURL: String, credentials: Credentials, lookup: InstanceLookup)
    /// Cancel the request in flight.
    case cancelRequest
    /// Put text on the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Open a URL in a browser, when a display is available.
    case openBrowser(url: String)
    /// Listen on a loopback callback for the browser's redirect, answering with `state` expected;
    /// replaces any listener already running.
    case listenForRedirect(LoopbackCallback, expectedState: String)
    /// Stop the loopback listener, if one runs.
    case stopListening
    /// Make a random signature key.
    case generateSignatureKey
    /// Write the result file (mode 0600, atomic), replacing an existing file only when `overwrite`.
    case saveFile(path: String, contents: String, overwrite: Bool)
    /// List the connector's instances page by page (one result per page).
    case listInstances(baseURL: String, credentials: Credentials)
    /// Read one instance, token included.
    case loadInstance(baseURL: String, credentials: Credentials, id: Int)
    /// Re-authenticate an instance with a new grant code.
    case reauthenticate(ReauthenticationRequest)
    /// Enable a disabled instance.
    case enableInstance(baseURL: String, credentials: Credentials, id: Int)
    /// Delete an instance.
    case deleteInstance(baseURL: String, credentials: Credentials, id: Int)
    /// Send a signed sample notification to an instance's events receiver, as the platform would.
    case sendTestEvent(TestEventRequest)
    /// Leave recovery and start the create wizard.
    case startCreate
    /// Leave the wizard with this exit status.
    case quit(status: Int32)
}

/// What re-authenticating an instance needs (the client secret is typed again: the service never returns it).
public struct ReauthenticationRequest: Sendable, Equatable {
    public var baseURL: String
    public var credentials: Credentials
    public var id: Int
    public var code: Secret
    public var apiKey: String
    public var apiSecret: Secret
    public var callbackURL: String

    public init(baseURL: String, credentials: Credentials, id: Int, code: Secret, apiKey: String, apiSecret: Secret, callbackURL: String) {
        self.baseURL = baseURL; self.credentials = credentials; self.id = id; self.code = code
        self.apiKey = apiKey; self.apiSecret = apiSecret; self.callbackURL = callbackURL
    }
}

/// What the service needs to build the Microsoft sign-in URL.
public struct AuthorizationRequest: Sendable, Equatable {
    public var baseURL: String
    public var credentials: Credentials
    public var apiKey: String
    public var apiSecret: Secret
    public var callbackURL: String
    public var scope: String
    public var state: String

    public init(baseURL: String, credentials: Credentials, apiKey: String, apiSecret: Secret, callbackURL: String, scope: String, state: String) {
        self.baseURL = baseURL; self.credentials = credentials; self.apiKey = apiKey; self.apiSecret = apiSecret
        self.callbackURL = callbackURL; self.scope = scope; self.state = state
    }
}

/// Where a test event goes and how it is signed.
public struct TestEventRequest: Sendable, Equatable {
    /// The receiver (`event.notification.callback.url`).
    public var url: String
    /// The instance's signature key.
    public var signatureKey: Secret
    /// The instance the sample names.
    public var instanceId: Int

    public init(url: String, signatureKey: Secret, instanceId: Int) {
        self.url = url; self.signatureKey = signatureKey; self.instanceId = instanceId
    }
}

/// What sending a test event showed: whether the receiver works as the platform needs, and why.
public struct TestEventReport: Sendable, Equatable {
    /// 2xx, quickly.
    public var isGood: Bool
    /// The answer and what it means, one sentence a line.
    public var lines: [String]

    public init(isGood: Bool, lines: [String]) { self.isGood = isGood; self.lines = lines }

    /// The report as a banner.
    public var banner: Banner { Banner(tone: isGood ? .success : .warning, lines: lines) }
}

/// The outcome of an effect, fed back into the state machine.
public enum EffectResult: Sendable, Equatable {
    case credentialsVerified(Result<Done, OpenConnectorsError>)
    case authorizationURL(Result<OAuthRedirect, OpenConnectorsError>)
    case signInSimulated(Result<String, OpenConnectorsError>)
    case instanceCreated(Result<Instance, OpenConnectorsError>)
    /// The matches of a `findInstances`, newest first.
    case instancesFound(Result<[Instance], OpenConnectorsError>)
    case signatureKeyGenerated(Secret)
    case fileSaved(Result<String, SaveFailure>)
    case clipboardCopied
    case browserOpened(Result<Done, BrowserFailure>)
    /// The loopback listener accepts connections, or could not listen.
    case redirectListening(Result<Done, ListenFailure>)
    /// The browser came back to the loopback listener with the right `state`.
    case redirectCaught(CaughtRedirect)
    /// One page of a listing; the last one has no next-page token.
    case instancesPage(Result<InstancePage, OpenConnectorsError>)
    case instanceLoaded(Result<Instance, OpenConnectorsError>)
    case instanceReauthenticated(Result<Instance, OpenConnectorsError>)
    case instanceEnabled(Result<Done, OpenConnectorsError>)
    case instanceDeleted(Result<Done, OpenConnectorsError>)
    case testEventSent(TestEventReport)
}

/// The success value of an effect that returns nothing else.
public struct Done: Sendable, Equatable {
    public init() {}
}
