/// What kind of refusal an API error is, as far as the person at the keyboard is concerned.
public enum APIFailureKind: String, Sendable, Equatable {
    /// 401: the user or organization secret is wrong.
    case wrongSecrets
    /// Microsoft refused the grant code: used, expired or malformed.
    case grantCodeRejected
    /// The callback URL differs from the one the code was issued for.
    case redirectURIMismatch
    /// Microsoft refused the Azure client secret.
    case clientSecretRejected
    /// 403.
    case forbidden
    /// 404.
    case notFound
    /// 409.
    case conflict
    /// Another 4xx.
    case badRequest
    /// 502, 503 or 504: the service (or a gateway in front of it) is down or overloaded for now.
    case serviceUnavailable
    /// Another 5xx: an internal error.
    case serverError
}

/// An HTTP error answer from the service, classified, with its own words kept.
public struct APIFailure: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: Int
    /// What kind of failure this is.
    public var kind: APIFailureKind
    /// The service's request id, for support.
    public var requestId: String?
    /// The service's message.
    public var serviceMessage: String?
    /// The provider's (Microsoft's) message, if any.
    public var providerMessage: String?

    /// Classifies an error answer.
    public init(status: Int, body: APIErrorBody?) {
        self.status = status
        self.requestId = body?.requestId
        self.serviceMessage = body?.message
        self.providerMessage = body?.providerMessage
        self.kind = APIFailure.classify(status: status, text: [body?.message, body?.providerMessage].compactMap { $0 }.joined(separator: " "))
    }

    private static func classify(status: Int, text: String) -> APIFailureKind {
        let lowered = text.lowercased()
        let codes = aadstsCodes(in: lowered)
        if codes.contains(50011) || lowered.contains("redirect_uri") && lowered.contains("match") { return .redirectURIMismatch }
        if codes.contains(7_000_215) || lowered.contains("invalid_client") { return .clientSecretRejected }
        if !codes.isDisjoint(with: [54005, 70008, 9_002_313, 50148]) || lowered.contains("invalid_grant") { return .grantCodeRejected }
        switch status {
        case 401: return .wrongSecrets
        case 403: return .forbidden
        case 404: return .notFound
        case 409: return .conflict
        case 502, 503, 504: return .serviceUnavailable
        case 500...: return .serverError
        default: return .badRequest
        }
    }

    /// The numbers of every `AADSTS<number>` in `text` (lower-cased), compared whole: 700082 is not 70008.
    private static func aadstsCodes(in text: String) -> Set<Int> {
        var codes: Set<Int> = []
        var rest = text[...]
        while let marker = rest.firstRange(of: "aadsts") {
            let digits = rest[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let code = Int(digits) { codes.insert(code) }
            rest = rest[marker.upperBound...]
        }
        return codes
    }

    /// What happened, in one sentence.
    public var summary: String {
        switch kind {
        case .wrongSecrets: "Open Connectors refused the user or organization secret (401)."
        case .grantCodeRejected: "Microsoft refused the grant code: it was already used or has expired."
        case .redirectURIMismatch: "Microsoft refused the callback URL: it differs from the one the code was issued for."
        case .clientSecretRejected: "Microsoft refused the Azure client secret."
        case .forbidden: "Open Connectors refused the request (403 forbidden)."
        case .notFound: "Open Connectors could not find it (404)."
        case .conflict: "Open Connectors reports a conflict (409): it already exists."
        case .badRequest: "Open Connectors rejected the request (\(status))."
        case .serviceUnavailable: "Open Connectors is unavailable or overloaded right now (\(status))."
        case .serverError: "Open Connectors had an internal error (\(status))."
        }
    }

    /// What the person can do about it.
    public var nextStep: String {
        switch kind {
        case .wrongSecrets: "Copy the user and organization secrets again from the profile menu of the Open Connectors UI."
        case .grantCodeRejected: "Grant codes work once and for about 10 minutes: sign in again to get a new code."
        case .redirectURIMismatch: "Use exactly the callback URL registered on the Azure app, then sign in again for a new code."
        case .clientSecretRejected: "Copy the client secret's Value (not its ID) from the Azure portal; create a new one if it expired."
        case .forbidden: "Check that your account may create instances of this connector."
        case .notFound: "Check the API base URL (it ends in /elements/api-v2); an instance asked for by id may have been deleted."
        case .conflict: "Choose another name, or recover the existing instance with ocwizard recover."
        case .badRequest: "Check the values named in the message and try again."
        case .serviceUnavailable: "Try again in a minute; your values need no change. If it keeps happening, check the service status for your region."
        case .serverError: "Try again in a minute; if it persists, give the request id to SAP support."
        }
    }
}

/// Every way a client call can fail.
public enum OpenConnectorsError: Error, Sendable, Equatable {
    /// No HTTP answer.
    case transport(TransportError)
    /// An HTTP error answer.
    case api(APIFailure)
    /// A success status with a body that is not what the API documents.
    case unexpectedBody(status: Int, detail: String)

    /// What happened, in one sentence.
    public var summary: String {
        switch self {
        case .transport(let error): error.message
        case .api(let failure): failure.summary
        case .unexpectedBody(let status, let detail): "The service answered \(status) with a body ocwizard cannot read (\(detail))."
        }
    }

    /// What the person can do about it.
    public var nextStep: String {
        switch self {
        case .transport(let error): error.nextStep
        case .api(let failure): failure.nextStep
        case .unexpectedBody: "Check that the API base URL points at Open Connectors (it ends in /elements/api-v2)."
        }
    }

    /// Whether the service may have acted although the call did not succeed, so a call that creates
    /// or changes something must look before it says "not done": the answer was lost after the
    /// request was sent, a success came back unreadable, or the service or a gateway in front of
    /// it failed mid-way (500, 502, 504; a 503 says the request was not taken on).
    public var isOutcomeUnknown: Bool {
        switch self {
        case .transport(.answerLost): true
        case .transport: false
        case .unexpectedBody(let status, _): (200..<300).contains(status)
        case .api(let failure): failure.status >= 500 && failure.status != 503
        }
    }

    /// The service's and provider's own words, when there are any.
    public var details: [String] {
        guard case .api(let failure) = self else { return [] }
        return [failure.serviceMessage.map { "Service: \($0)" }, failure.providerMessage.map { "Provider: \($0)" },
                failure.requestId.map { "Request id: \($0)" }].compactMap { $0 }
    }
}
