import FoundationEssentials

extension OpenConnectorsClient {
    /// Re-authenticates an instance with a new grant code: `PUT /instances/{id}?reAuthenticate=true`,
    /// then reads the instance again and returns it as stored.
    ///
    /// The body follows the documented recipe (API notes 6.2, 11.5): the instance as read, minus
    /// the stored OAuth tokens, with **every** configuration entry — masked ones sent back as
    /// `********`, so a service that replaces the configuration keeps the signature key — the real
    /// Azure app key and secret just typed, and the new code. A success without id or token is
    /// refused, naming what came back. When the second read fails, the `PUT`'s answer is returned.
    public func reauthenticate(id: Int, code: Secret, apiKey: String, apiSecret: Secret, callbackURL: String?) async throws(OpenConnectorsError) -> Instance {
        let current = try decode(JSONValue.self, from: try await send("GET", "/instances/\(id)"))
        var configuration = current["configuration"] ?? .object([])
        if case .object = configuration {} else { configuration = .object([]) }
        for key in ["oauth.user.token", "oauth.user.refresh_token"] { configuration = configuration.removing(key) }
        configuration = configuration.setting("oauth.api.key", to: .string(apiKey)).setting("oauth.api.secret", to: .string(apiSecret.revealed))
        if let callbackURL, !callbackURL.isEmpty { configuration = configuration.setting("oauth.callback.url", to: .string(callbackURL)) }
        let body = current.removing("token").setting("configuration", to: configuration)
            .setting("providerData", to: .object([("code", .string(code.revealed))]))
        let renewed = try usableInstance(from: try await send("PUT", "/instances/\(id)?reAuthenticate=true", body: body))
        do {
            var stored = try await getInstance(id: id)
            if stored.token?.isEmpty ?? true { stored.token = renewed.token }
            return stored
        } catch .transport(.cancelled) {
            throw .transport(.cancelled)
        } catch {
            return renewed
        }
    }

    /// The instance a successful create or re-authentication answered with; `.unexpectedBody`
    /// naming the fields that came back when its id or token is missing (a `"token": null` must
    /// never reach the user as if it were one).
    func usableInstance(from response: HTTPResponse) throws(OpenConnectorsError) -> Instance {
        let answer = try decode(JSONValue.self, from: response)
        let missing = ["id", "token"].filter { key in
            switch answer[key] {
            case .string(let text)?: text.isEmpty
            case .integer?: false
            default: true
            }
        }
        guard missing.isEmpty else {
            let keys: [String] = if case .object(let pairs) = answer { pairs.map(\.0) } else { [] }
            let held = keys.isEmpty ? "nothing ocwizard can use" : "only " + keys.joined(separator: ", ")
            throw .unexpectedBody(status: response.status, detail: "no \(missing.joined(separator: " and ")) in the answer, which held \(held)")
        }
        return try decode(Instance.self, from: response)
    }
}
