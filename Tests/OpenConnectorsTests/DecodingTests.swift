import OpenConnectors
import Testing

/// Decoding what the service answers: instances, error bodies, the OAuth redirect.
@Suite("Response decoding")
struct DecodingTests {
    @Test("the documented example response of POST /instances (open-connectors-api.md §4.2)")
    func documentedInstance() throws {
        #expect(try decode(Instance.self, Fixtures.documentedInstanceResponse) == Fixtures.documentedInstance)
    }

    @Test("tags as strings, as {id,name} objects, mixed; entries of another shape are skipped")
    func tagShapes() throws {
        let objects = try decode(Instance.self, #"{"id":1,"tags":[{"id":12,"name":"my_first_tag"},{"id":13,"name":"second"}]}"#)
        #expect(objects.tags == ["my_first_tag", "second"])
        let mixed = try decode(Instance.self, #"{"id":1,"tags":["plain",{"id":12,"name":"object"},{"id":14},7,null]}"#)
        #expect(mixed.tags == ["plain", "object"])
        let wrongType = try decode(Instance.self, #"{"id":1,"tags":"not-a-list"}"#)
        #expect(wrongType.tags == [])
    }

    @Test("only the id is needed; every other field may be missing")
    func missingOptionalFields() throws {
        #expect(try decode(Instance.self, #"{"id":7}"#) == Instance(id: 7, name: ""))
        #expect(throws: DecodingError.self) { try decode(Instance.self, #"{"name":"no id"}"#) }
    }

    @Test("unknown fields and odd types of optional fields are tolerated")
    func unknownFields() throws {
        let instance = try decode(Instance.self, """
            {"id": 3, "name": "n", "brandNew": {"nested": [1, 2, {"x": null}]}, "valid": "yes", "disabled": null,
             "eventsEnabled": false, "element": {"key": "microsoftgraph", "id": "17314", "extra": true},
             "user": {"id": "42", "emailAddress": "dev@example.com", "unknown": 1}, "token": 99}
            """)
        #expect(instance == Instance(
            id: 3, name: "n", token: nil, element: ElementSummary(id: 17314, key: "microsoftgraph"),
            valid: nil, disabled: nil, eventsEnabled: false, user: InstanceUser(id: 42, emailAddress: "dev@example.com")))
    }

    @Test("a numeric-string id is read as a number; a non-numeric one is refused")
    func numericStringID() throws {
        #expect(try decode(Instance.self, #"{"id":"12345","name":"x"}"#).id == 12345)
        #expect(throws: DecodingError.self) { try decode(Instance.self, #"{"id":"12a","name":"x"}"#) }
    }

    @Test("configuration values of any scalar type become strings; nested values are dropped")
    func configurationValues() throws {
        let instance = try decode(Instance.self, """
            {"id": 1, "configuration": {"event.notification.enabled": true, "event.poller.refresh_interval": 15,
             "ratio": 1.5, "oauth.scope": "a b", "nested": {"x": 1}, "none": null}}
            """)
        #expect(instance.configuration == [
            "event.notification.enabled": "true", "event.poller.refresh_interval": "15", "ratio": "1.5", "oauth.scope": "a b",
        ])
    }

    @Test("createdDate as ISO-8601 text or as epoch milliseconds")
    func createdDate() throws {
        #expect(try decode(Instance.self, #"{"id":1,"createdDate":"2024-03-01T10:15:30Z"}"#).createdDate == "2024-03-01T10:15:30Z")
        #expect(try decode(Instance.self, #"{"id":1,"createdDate":1709288130000}"#).createdDate == "1709288130000")
    }

    @Test("a list of instances")
    func list() throws {
        let instances = try decode([Instance].self, #"[{"id":1,"name":"a"},{"id":2,"name":"b","tags":["t"]}]"#)
        #expect(instances == [Instance(id: 1, name: "a"), Instance(id: 2, name: "b", tags: ["t"])])
    }

    @Test("the error body {requestId, message, providerMessage}")
    func errorBody() throws {
        let full = try decode(APIErrorBody.self, """
            {"requestId": "53dbca9430045c016b46566c", "message": "Failed to create instance",
             "providerMessage": "AADSTS70008: The provided authorization code or refresh token has expired.", "extra": 1}
            """)
        #expect(full == APIErrorBody(requestId: "53dbca9430045c016b46566c", message: "Failed to create instance",
                                     providerMessage: "AADSTS70008: The provided authorization code or refresh token has expired."))
        let short = try decode(APIErrorBody.self, #"{"requestId":"r1","message":"Invalid Organization or User secret"}"#)
        #expect(short == APIErrorBody(requestId: "r1", message: "Invalid Organization or User secret", providerMessage: nil))
        #expect(try decode(APIErrorBody.self, "{}") == APIErrorBody())
    }

    @Test("the OAuth redirect answer (open-connectors-api.md §3.1)")
    func oauthRedirect() throws {
        let redirect = try decode(OAuthRedirect.self, """
            {
              "oauthUrl": "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?scope=Calendars.Read+Calendars.ReadWrite+offline_access&response_type=code&redirect_uri=https%3A%2F%2Fwww.mycoolapp.com%2Fauth&state=microsoftgraph&client_id=<APP_ID>",
              "element": "microsoftgraph"
            }
            """)
        #expect(redirect.oauthUrl.hasPrefix("https://login.microsoftonline.com/common/oauth2/v2.0/authorize?scope="))
        #expect(redirect.element == "microsoftgraph")
    }
}

/// Classifying error answers by status and by Microsoft's AADSTS codes.
@Suite("API failure classification")
struct APIFailureTests {
    /// A status and error body, and the kind it must be classified as.
    struct Classification: Sendable, CustomTestStringConvertible {
        let status: Int
        let message: String?
        let providerMessage: String?
        let kind: APIFailureKind
        var testDescription: String { "\(status) \(providerMessage ?? message ?? "")" }
    }

    @Test("classifies by AADSTS code first, then by status", arguments: [
        Classification(status: 401, message: "Invalid Organization or User secret, or invalid Element token provided.", providerMessage: nil, kind: .wrongSecrets),
        Classification(status: 400, message: "Failed to get access token", providerMessage: "AADSTS54005: OAuth2 Authorization code was already redeemed.", kind: .grantCodeRejected),
        Classification(status: 400, message: "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.", providerMessage: nil, kind: .grantCodeRejected),
        Classification(status: 502, message: "Provider error", providerMessage: "{\"error\":\"invalid_grant\"}", kind: .grantCodeRejected),
        Classification(status: 400, message: nil, providerMessage: "AADSTS9002313: Invalid request. Request is malformed or invalid.", kind: .grantCodeRejected),
        Classification(status: 400, message: nil, providerMessage: "AADSTS50011: The redirect URI 'https://x' specified in the request does not match the redirect URIs configured.", kind: .redirectURIMismatch),
        Classification(status: 400, message: "redirect_uri does not match", providerMessage: nil, kind: .redirectURIMismatch),
        Classification(status: 401, message: nil, providerMessage: "AADSTS7000215: Invalid client secret provided.", kind: .clientSecretRejected),
        Classification(status: 400, message: "invalid_client", providerMessage: nil, kind: .clientSecretRejected),
        Classification(status: 400, message: nil, providerMessage: "AADSTS700082: The refresh token has expired due to inactivity.", kind: .badRequest),
        Classification(status: 401, message: nil, providerMessage: "AADSTS500011: The resource principal was not found.", kind: .wrongSecrets),
        Classification(status: 403, message: "Instance is disabled", providerMessage: nil, kind: .forbidden),
        Classification(status: 404, message: "Not found", providerMessage: nil, kind: .notFound),
        Classification(status: 409, message: "Conflict", providerMessage: nil, kind: .conflict),
        Classification(status: 400, message: "Missing parameter", providerMessage: nil, kind: .badRequest),
        Classification(status: 415, message: nil, providerMessage: nil, kind: .badRequest),
        Classification(status: 500, message: nil, providerMessage: nil, kind: .serverError),
        Classification(status: 503, message: "Service unavailable", providerMessage: nil, kind: .serviceUnavailable),
        Classification(status: 501, message: nil, providerMessage: nil, kind: .serverError),
    ])
    func classify(_ example: Classification) {
        let failure = APIFailure(status: example.status, body: APIErrorBody(requestId: "r1", message: example.message, providerMessage: example.providerMessage))
        #expect(failure.kind == example.kind)
        #expect(failure.status == example.status)
    }

    @Test("without a body the status alone decides")
    func noBody() {
        #expect(APIFailure(status: 401, body: nil).kind == .wrongSecrets)
        #expect(APIFailure(status: 504, body: nil).kind == .serviceUnavailable)
        #expect(APIFailure(status: 504, body: nil).summary == "Open Connectors is unavailable or overloaded right now (504).")
        #expect(APIFailure(status: 422, body: nil).summary == "Open Connectors rejected the request (422).")
    }

    @Test("the service's and provider's own words are kept for the person to read")
    func details() {
        let failure = APIFailure(status: 400, body: APIErrorBody(requestId: "53db", message: "Failed", providerMessage: "AADSTS54005: already redeemed"))
        let error = OpenConnectorsError.api(failure)
        #expect(error.summary == "Microsoft refused the grant code: it was already used or has expired.")
        #expect(error.nextStep.contains("sign in again"))
        #expect(error.details == ["Service: Failed", "Provider: AADSTS54005: already redeemed", "Request id: 53db"])
        #expect(OpenConnectorsError.transport(.timedOut(seconds: 30)).details == [])
        #expect(OpenConnectorsError.transport(.timedOut(seconds: 30)).summary == "The service did not answer within 30 seconds.")
        #expect(OpenConnectorsError.unexpectedBody(status: 200, detail: "not valid JSON").summary == "The service answered 200 with a body ocwizard cannot read (not valid JSON).")
    }
}
