import OpenConnectors

/// What re-authenticating an instance starts from and sends, for every driver.
public enum Reauthentication {
    /// The sign-in-again journey's values: the run's own (profile, environment), the verified
    /// connection, then the instance's configuration. The client secret is always typed again (the
    /// service returns it masked) and the code comes from a new sign-in.
    static func prefill(run: [ParameterID: String], connection: InstanceForm, instance: Instance) -> [ParameterID: String] {
        var prefill = run
        prefill[.apiSecret] = nil
        prefill[.code] = nil
        for id in ConnectionStep().checked { prefill[id] = connection[id] }
        for (id, key) in [(ParameterID.apiKey, "oauth.api.key"), (.callbackURL, "oauth.callback.url"), (.scope, "oauth.scope")] {
            if let value = instance.configuration[key], value != "********", !value.isEmpty { prefill[id] = value }
        }
        return prefill
    }

    /// The start-up settings of the sign-in-again journey for `instance`: the run's, with the
    /// values `prefill` gives (no "pre-filled from" marks: they come from the instance).
    public static func configuration(run: WizardConfiguration, connection: InstanceForm, instance: Instance) -> WizardConfiguration {
        var setup = run
        setup.prefill = prefill(run: run.prefill, connection: connection, instance: instance)
        setup.prefillSources = [:]
        return setup
    }

    /// The banner across the first step: which instance, and what to type again.
    public static func banner(for instance: Instance, form: InstanceForm) -> Banner {
        let retype = form.normalized(.apiKey).isEmpty
            ? "the client ID and client secret again: Open Connectors returns both masked"
            : "the client secret again: Open Connectors never returns it"
        return Banner(tone: .info, lines: ["Re-authenticating \(instance.name) (id \(instance.id)). Type \(retype)."])
    }

    /// The field to start on: the first one that must be typed again.
    public static func firstField(_ form: InstanceForm) -> ParameterID {
        form.normalized(.apiKey).isEmpty ? .apiKey : .apiSecret
    }

    /// The `PUT /instances/{id}?reAuthenticate=true` request from the values the journey returned.
    public static func request(connection: VerifiedConnection, id: Int, form: InstanceForm) -> ReauthenticationRequest {
        ReauthenticationRequest(baseURL: connection.baseURL, credentials: connection.credentials, id: id,
                                code: InstanceRequest.grantCode(in: form), apiKey: form.normalized(.apiKey),
                                apiSecret: form.secret(.apiSecret), callbackURL: form.normalized(.callbackURL))
    }

    /// What a successful re-authentication says: the token, and any event setting the service
    /// dropped (`lost`, from `EventSetting.lost(before:after:)`) with how to restore it.
    public static func success(previousToken: Secret?, instance: Instance, lost: [EventSetting] = []) -> Banner {
        var lines = [
            "✓ Re-authenticated.",
            instance.token == previousToken ? "The token did not change." : "The token changed: use the new one below (Ctrl-R reveals it).",
        ]
        let warning = eventSettingsWarning(instance: instance, lost: lost)
        lines += warning
        return Banner(tone: warning.isEmpty ? .success : .warning, lines: lines)
    }

    /// What to tell every driver when the service dropped event settings of `instance`, and how
    /// to restore them; empty when nothing was lost.
    public static func eventSettingsWarning(instance: Instance, lost: [EventSetting]) -> [String] {
        guard !lost.isEmpty else { return [] }
        return [
            "⚠ The service did not keep the instance's event settings: " + lost.map(\.lostText).joined(separator: "; ") + ".",
            "Restore them in the Open Connectors UI (edit instance \(instance.name), id \(instance.id): turn events on with your callback URL and the signature key your receiver checks), or set each key with PATCH /instances/\(instance.id)/configuration/{configId} and {\"propertyValue\": …}.",
        ]
    }

    /// The banner after re-authenticating `before` into `after`: `success` with what was lost.
    public static func outcome(before: Instance, after: Instance) -> Banner {
        success(previousToken: before.token, instance: after, lost: EventSetting.lost(before: before, after: after))
    }
}
