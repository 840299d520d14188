extension SandboxConfiguration {
    /// The lines the `ocwizard-sandbox` command prints after its `listening on …` line:
    /// the credentials and where to start.
    public func banner(baseURL: String) -> String {
        let origin = baseURL.hasSuffix(Route.apiPrefix) ? String(baseURL.dropLast(Route.apiPrefix.count)) : baseURL
        return """
        ocwizard sandbox: a local stand-in for SAP Open Connectors (microsoftgraph)
          base URL             \(baseURL)
          user secret          \(userSecret)
          organization secret  \(organizationSecret)
          Azure client id      \(clientID)
          Azure client secret  \(clientSecret)
          consent page         \(origin)/sandbox/authorize
          fault injection      \(origin)/sandbox/faults
          state                \(statePath ?? "in memory")
          variants             \(variants.isEmpty ? "none (documented defaults)" : variants.sorted().map(\.rawValue).joined(separator: ", "))
        Press Ctrl-C to stop.

        """
    }
}
