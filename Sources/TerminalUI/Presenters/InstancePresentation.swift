import OpenConnectors

/// How an instance from the service is put into words: the one mapping for the result screen,
/// the recover table and the recover detail.
enum InstancePresentation {
    /// "ok", "invalid", "disabled", with "· events".
    static func status(_ instance: Instance) -> String {
        var parts: [String] = []
        if instance.valid == false { parts.append("invalid") }
        if instance.disabled == true { parts.append("disabled") }
        if parts.isEmpty { parts.append("ok") }
        if instance.eventsEnabled == true { parts.append("events") }
        return parts.joined(separator: " · ")
    }

    /// The instance panel's props: the token masked unless revealed, the status with what to do about it.
    /// `eventsEnabled` stands in for the events flag when the service did not say.
    static func panel(_ instance: Instance, baseURL: String, tokenRevealed: Bool, savedPath: String?, eventsEnabled: Bool? = nil) -> InstancePanel.Props {
        var status = status(instance)
        if instance.eventsEnabled == nil, eventsEnabled == true { status += " · events" }
        if instance.valid == false { status += " — re-authenticate to repair it" }
        return InstancePanel.Props(id: String(instance.id), name: instance.name,
                                   token: tokenRevealed ? instance.revealedToken : Redaction.tokenMask + "  (Ctrl-R reveals)",
                                   tags: instance.tags.joined(separator: ", "), status: status, created: instance.createdDate ?? "—",
                                   baseURL: baseURL, headerToken: tokenRevealed ? instance.revealedToken : "$OC_INSTANCE_TOKEN", savedPath: savedPath)
    }

    /// A row of the recover table: the date without its time.
    static func row(_ instance: Instance) -> InstanceTable.Row {
        InstanceTable.Row(id: String(instance.id), name: instance.name, tags: instance.tags.joined(separator: ", "),
                          created: String((instance.createdDate ?? "").prefix(10)), status: status(instance))
    }
}
