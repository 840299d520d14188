/// A failure an endpoint answers with: a status and the service's error body.
struct APIError: Error, Sendable {
    /// The HTTP status.
    var status: Int
    /// The normalized message (`message` in the body).
    var message: String
    /// The provider's own text (`providerMessage` in the body), when the provider gave one.
    var providerMessage: String?
    /// Extra response headers, e.g. `Allow` on a `405`.
    var headers: [(name: String, value: String)] = []

    /// `400`: the request is missing something or has it in the wrong shape.
    static func badRequest(_ message: String, providerMessage: String? = nil) -> APIError {
        APIError(status: 400, message: message, providerMessage: providerMessage)
    }

    /// `401`: the User/Organization secrets are missing or wrong.
    static let unauthorized = APIError(
        status: 401,
        message: "Invalid Organization or User secret, or invalid Element token provided."
    )

    /// `404`: no such resource.
    static func notFound(_ message: String) -> APIError {
        APIError(status: 404, message: message)
    }

    /// `405`: the path exists but not for this method.
    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        APIError(
            status: 405,
            message: "Request method '\(method)' is not supported; use one of \(allowed.joined(separator: ", ")).",
            headers: [("Allow", allowed.joined(separator: ", "))]
        )
    }

    /// `406`: the `Accept` header rules out JSON.
    static let notAcceptable = APIError(status: 406, message: "This resource only produces application/json.")

    /// `415`: a body that is not declared as JSON.
    static let unsupportedMediaType = APIError(
        status: 415,
        message: "Unsupported content type; send the body as application/json."
    )

    /// `500`: the sandbox itself failed (e.g. it could not write its state file).
    static func internalError(_ message: String) -> APIError {
        APIError(status: 500, message: message)
    }
}
