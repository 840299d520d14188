import Foundation

extension SandboxAPI {
    /// `POST /instances` (or `/elements/{key}/instances`): redeems the code and creates an instance.
    func createInstance(_ request: SandboxRequest, elementKey pathKey: String?) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        try requireJSONBody(request)
        let input = try InstanceInput.parse(request.body)
        guard let key = pathKey ?? input.elementKey, !key.isEmpty else {
            throw APIError.badRequest("Missing required field: element.key.")
        }
        let element = try element(key)
        let settings = try input.oauthSettings(requiring: [("name", input.name)])
        let instanceConfiguration = try Self.normalized(input.configuration, for: element)
        try await redeem(settings)
        let name = input.name!
        let tags = input.tags.flatMap { $0.isEmpty ? nil : $0 } ?? [name]
        var random = SystemRandomNumberGenerator()
        let token = RandomText.instanceToken(using: &random)
        let created = Timestamp.wholeSeconds(configuration.now())
        let record = try await store.create { id in
            InstanceRecord(
                id: id, name: name, elementKey: element.key, token: token, tags: tags,
                configuration: instanceConfiguration, valid: true, disabled: false, createdDate: created
            )
        }
        return .json(wire(record))
    }

    /// `GET /instances/{id}`: the instance, token included.
    func readInstance(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        return .json(wire(try await existing(id)))
    }

    /// `PATCH /instances/{id}`: renames and/or retags (tags are replaced, not merged).
    func patchInstance(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        try requireJSONBody(request)
        let input = try InstanceInput.parse(request.body)
        let name = try Self.nonEmpty(input.name)
        let record = try await update(id) { record in
            if let name { record.name = name }
            if let tags = input.tags { record.tags = tags }
        }
        return .json(wire(record))
    }

    /// `PUT /instances/{id}`: updates name, tags and configuration; with `?reAuthenticate=true`
    /// it also redeems a new `providerData.code`, keeps the id and issues a new token.
    ///
    /// Configuration is merged key by key, and a value sent back as `********` keeps the stored
    /// one (the re-authentication recipe sends the masked values back). Variants:
    /// `reauth-replaces-configuration` keeps only the keys sent, `masked-values-dropped` drops a
    /// masked value instead, `reauth-keeps-token` leaves the token as it was.
    func putInstance(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        try requireJSONBody(request)
        var input = try InstanceInput.parse(request.body)
        let name = try Self.nonEmpty(input.name)
        let stored = try await existing(id)
        let element = ElementCatalog.element(stored.elementKey) ?? ElementCatalog.microsoftGraph
        input.configuration = storedConfiguration(after: input.configuration, over: stored.configuration)
        let instanceConfiguration = try Self.normalized(input.configuration, for: element)
        var newToken: String?
        if request.queryValue("reAuthenticate")?.lowercased() == "true" {
            try await redeem(try input.oauthSettings())
            var random = SystemRandomNumberGenerator()
            newToken = configuration.plays(.reauthKeepsToken) ? stored.token : RandomText.instanceToken(using: &random)
        }
        let record = try await update(id) { [newToken, input] record in
            if let name { record.name = name }
            if let tags = input.tags { record.tags = tags }
            record.configuration = instanceConfiguration
            if let newToken {
                record.token = newToken
                record.valid = true
            }
        }
        return .json(wire(record))
    }

    /// The configuration a `PUT` leaves: `sent` merged over `stored` (or replacing it with
    /// `reauth-replaces-configuration`), a masked value standing for the stored one (or treated
    /// as not sent with `masked-values-dropped`).
    private func storedConfiguration(after sent: [String: String], over stored: [String: String]) -> [String: String] {
        var result = configuration.plays(.reauthReplacesConfiguration) ? [:] : stored
        for (key, value) in sent {
            if value == InstanceRecord.mask {
                // Dropped: treated as not sent, so only a replacing PUT loses the stored value.
                if !configuration.plays(.maskedValuesDropped) { result[key] = stored[key] }
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// `DELETE /instances/{id}`: removes the instance; `200` with an empty body.
    func deleteInstance(_ request: SandboxRequest, id: String) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        guard let number = Int(id), try await store.delete(id: number) else { throw Self.unknownInstance(id) }
        return SandboxResponse(status: 200)
    }

    /// `PUT`/`DELETE /instances/{id}/enabled`: enables or disables the instance and returns it.
    func setEnabled(_ request: SandboxRequest, id: String, enabled: Bool) async throws -> SandboxResponse {
        try requirePlatformAuthorization(request)
        let record = try await update(id) { $0.disabled = !enabled }
        return .json(wire(record))
    }

    /// Redeems the code in `settings`; `400` with Microsoft's text when it is refused.
    private func redeem(_ settings: OAuthSettings) async throws(APIError) {
        do {
            _ = try await codes.redeem(
                code: settings.code,
                clientID: settings.clientID,
                clientSecret: settings.clientSecret,
                redirectURI: settings.callbackURL
            )
        } catch {
            var random = SystemRandomNumberGenerator()
            throw .badRequest(error.normalizedMessage, providerMessage: error.providerMessage(at: configuration.now(), using: &random))
        }
    }

    /// The stored instance with `id`, or `404`.
    private func existing(_ id: String) async throws(APIError) -> InstanceRecord {
        guard let number = Int(id), let record = await store.record(id: number) else { throw Self.unknownInstance(id) }
        return record
    }

    /// Applies `change` to the instance with `id`, or `404`.
    private func update(_ id: String, _ change: @escaping @Sendable (inout InstanceRecord) -> Void) async throws -> InstanceRecord {
        guard let number = Int(id), let record = try await store.update(id: number, change) else { throw Self.unknownInstance(id) }
        return record
    }

    /// The `404` for an instance id that does not exist.
    static func unknownInstance(_ id: String) -> APIError {
        .notFound("No instance found with id \(id).")
    }

    /// `name` when given, `400` when given but empty (after HTML stripping).
    private static func nonEmpty(_ name: String?) throws(APIError) -> String? {
        if let name, name.isEmpty { throw .badRequest("name must not be empty.") }
        return name
    }

    /// `configuration` as stored: `event.notification.enabled` as `"true"`/`"false"` (required
    /// callback URL when true) and the connector's default scope when none is given.
    static func normalized(_ configuration: [String: String], for element: CatalogElement) throws(APIError) -> [String: String] {
        var result = configuration
        let enabled = (configuration[InstanceRecord.eventsEnabledKey] ?? "false").lowercased()
        guard ["true", "false"].contains(enabled) else {
            throw .badRequest("configuration[\"\(InstanceRecord.eventsEnabledKey)\"] must be true or false.")
        }
        result[InstanceRecord.eventsEnabledKey] = enabled
        if enabled == "true", (configuration[InstanceRecord.eventsCallbackKey] ?? "").isEmpty {
            throw .badRequest("configuration[\"\(InstanceRecord.eventsCallbackKey)\"] is required when \(InstanceRecord.eventsEnabledKey) is true.")
        }
        if (configuration["oauth.scope"] ?? "").isEmpty {
            result["oauth.scope"] = element.defaultScope
        }
        return result
    }
}
