/// The service's error body: `{"requestId", "message", "providerMessage"?}`.
struct WireError: Encodable, Sendable {
    /// An id for this request, as support would ask for it.
    var requestId: String
    /// The normalized message.
    var message: String
    /// The provider's own text; left out of the JSON when `nil`.
    var providerMessage: String?
}
