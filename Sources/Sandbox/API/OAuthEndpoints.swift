import Foundation

extension SandboxAPI {
    /// `GET`/`POST /elements/{key}/oauth/url`: the authorize URL a browser opens, pointing at
    /// the sandbox's own `/sandbox/authorize` and shaped like Microsoft's.
    func oauthURL(_ request: SandboxRequest, elementKey: String) throws(APIError) -> SandboxResponse {
        if request.header("authorization") != nil {
            try requirePlatformAuthorization(request)
        }
        let element = try element(elementKey)
        if request.method == "POST", configuration.plays(.oauthURLGetOnly) {
            // A handler that reads only the query finds none of the required parameters.
            throw .badRequest("Missing required parameters: apiKey, apiSecret, callbackUrl.")
        }
        let parameters = try oauthParameters(request)
        let missing = ["apiKey", "apiSecret", "callbackUrl"].filter { (parameters[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw .badRequest("Missing required parameter\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", ")).")
        }
        let scope = parameters["scope"].flatMap { $0.isEmpty ? nil : $0 } ?? element.defaultScope
        let query = FormEncoding.encode([
            ("scope", scope),
            ("response_type", "code"),
            ("redirect_uri", parameters["callbackUrl"]!),
            ("state", serviceState(asked: parameters["state"], element: element)),
            ("client_id", parameters["apiKey"]!),
        ], spaceAsPlus: true)
        let host = request.header("host") ?? "127.0.0.1"
        return .json(WireOAuthRedirect(oauthUrl: "http://\(host)/sandbox/authorize?\(query)", element: element.key))
    }

    /// The `state` the sign-in URL carries: the caller's (the connector key when none is given),
    /// or with `service-state` one the service chose, as the OAuth-proxy guide shows.
    private func serviceState(asked: String?, element: CatalogElement) -> String {
        if configuration.plays(.serviceState) {
            var random = SystemRandomNumberGenerator()
            return "oc_state_" + RandomText.hex(byteCount: 8, using: &random)
        }
        return asked.flatMap { $0.isEmpty ? nil : $0 } ?? element.key
    }

    /// The OAuth parameters from the query (`GET`) or the JSON body (`POST`).
    private func oauthParameters(_ request: SandboxRequest) throws(APIError) -> [String: String] {
        let names = ["apiKey", "apiSecret", "callbackUrl", "scope", "state"]
        guard request.method == "POST" else {
            return names.reduce(into: [:]) { $0[$1] = request.queryValue($1) }
        }
        try requireJSONBody(request)
        let json = try WireJSON.parseObject(request.body)
        var parameters: [String: String] = [:]
        for name in names {
            parameters[name] = try json.string(at: [name])
        }
        return parameters
    }

    /// `GET /sandbox/authorize`: plays the user who signs in and consents (or refuses with
    /// `deny=1`), answering `302` to the redirect URI as Microsoft does.
    func authorize(_ request: SandboxRequest) async -> SandboxResponse {
        guard let redirectURI = request.queryValue("redirect_uri"),
              let target = URLComponents(string: redirectURI),
              ["http", "https"].contains(target.scheme?.lowercased() ?? ""), target.host?.isEmpty == false
        else {
            return .text("AADSTS90102: 'redirect_uri' value must be a valid absolute URI.", status: 400)
        }
        guard let clientID = request.queryValue("client_id"), !clientID.isEmpty else {
            return .text("AADSTS900144: The request body must contain the following parameter: 'client_id'.", status: 400)
        }
        let state = request.queryValue("state")
        /// The redirect that carries an OAuth error instead of a code.
        func refuse(_ error: String, _ description: String) -> SandboxResponse {
            .redirect(to: Self.redirect(target, with: [("error", error), ("error_description", description)], state: state))
        }
        guard await codes.isRegistered(clientID: clientID) else {
            return refuse("unauthorized_client", MicrosoftTokenError.unknownClient(clientID: clientID).description)
        }
        guard request.queryValue("response_type") == "code" else {
            return refuse("unsupported_response_type", "AADSTS700054: response_type '\(request.queryValue("response_type") ?? "")' is not enabled for the application.")
        }
        guard let scope = request.queryValue("scope"), !scope.isEmpty else {
            return refuse("invalid_request", "AADSTS900144: The request body must contain the following parameter: 'scope'.")
        }
        if ["1", "true", "yes"].contains(request.queryValue("deny")?.lowercased() ?? "") {
            return refuse("access_denied", "AADSTS65004: User declined to consent to access the app.")
        }
        let code = await codes.issue(clientID: clientID, redirectURI: redirectURI, scope: scope)
        var random = SystemRandomNumberGenerator()
        return .redirect(to: Self.redirect(
            target,
            with: [("code", code)],
            state: state,
            then: [("session_state", RandomText.uuid(using: &random))]
        ))
    }

    /// `target` with `pairs`, `state` (when given) and `trailing` appended to its own query.
    private static func redirect(
        _ target: URLComponents,
        with pairs: [(name: String, value: String)],
        state: String?,
        then trailing: [(name: String, value: String)] = []
    ) -> String {
        var target = target
        target.fragment = nil
        let added = FormEncoding.encode(pairs + (state.map { [("state", $0)] } ?? []) + trailing)
        let existing = target.percentEncodedQuery.flatMap { $0.isEmpty ? nil : $0 }
        target.percentEncodedQuery = [existing, added].compactMap { $0 }.joined(separator: "&")
        return target.string ?? ""
    }
}
