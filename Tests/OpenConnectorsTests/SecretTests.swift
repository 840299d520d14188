import Foundation
import OpenConnectors
import Testing

/// `Secret` never shows its value by accident, and the request still carries it.
@Suite("Secret")
struct SecretTests {
    private static let value = "s3cr3t-VALUE-9f2c"

    /// A caller's own type holding a secret, printed whole.
    private struct Holder { var name = "holder"; var secret = Secret(SecretTests.value); var maybe: Secret? = Secret(SecretTests.value) }

    /// Every accidental way a value reaches text.
    private static func renderings(_ subject: Any) -> [String] {
        var printed = ""
        print(subject, to: &printed)
        var debugPrinted = ""
        debugPrint(subject, to: &debugPrinted)
        var dumped = ""
        dump(subject, to: &dumped)
        return [printed, debugPrinted, dumped, "\(subject)", String(describing: subject), String(reflecting: subject)]
    }

    @Test("print, debugPrint, dump, interpolation, String(describing:) and String(reflecting:) never show the value")
    func neverShown() {
        let secret = Secret(Self.value)
        for text in Self.renderings(secret) {
            #expect(!text.contains(Self.value), "\(text)")
            #expect(text.contains(Redaction.dots), "\(text)")
        }
        #expect("\(secret)" == Redaction.dots)
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test("nor does a struct, an optional, an array or a dictionary holding one")
    func containersNeverShow() {
        let credentials = Credentials(userSecret: Secret(Self.value), organizationSecret: Secret(Self.value + "-org"))
        let instance = Instance(id: 7, name: "x", token: Secret(Self.value))
        let subjects: [Any] = [Holder(), credentials, instance, [Secret(Self.value)], ["k": Secret(Self.value)], Optional(Secret(Self.value)) as Any]
        for subject in subjects {
            for text in Self.renderings(subject) { #expect(!text.contains(Self.value), "\(text)") }
        }
    }

    @Test("the request carries the values: header, body, sign-in and re-authentication calls")
    func requestCarriesValues() async throws {
        var form = InstanceForm()
        form[.userSecret] = " user-\(Self.value) "
        form[.organizationSecret] = "org-\(Self.value)"
        form[.apiSecret] = "client-\(Self.value)"
        form[.eventsEnabled] = "true"
        form[.eventsCallbackURL] = "https://example.com/events"
        form[.signatureKey] = "key-\(Self.value)"
        form[.code] = "https://localhost/cb?code=code-\(Self.value)-0123456789&state=s"
        let body = InstanceRequest.body(from: form)
        #expect(body["configuration"]?["oauth.api.secret"] == .string("client-\(Self.value)"))
        #expect(body["configuration"]?["event.notification.signature.key"] == .string("key-\(Self.value)"))
        #expect(body["providerData"]?["code"] == .string("code-\(Self.value)-0123456789"))

        let transport = FakeTransport([.json("{\"id\": 1, \"name\": \"n\", \"token\": \"tok-\(Self.value)\"}", status: 200),
                                       .json("{\"oauthUrl\": \"https://login.example.com/authorize\"}", status: 200)])
        let client = OpenConnectorsClient(transport: transport, baseURL: "https://h/elements/api-v2", credentials: Credentials(form: form))
        let created = try await client.createInstance(body: body)
        #expect(created.token?.revealed == "tok-\(Self.value)", "the token is decoded as a secret")
        _ = try await client.oauthURL(apiKey: "id", apiSecret: form.secret(.apiSecret), callbackURL: "https://localhost/cb", scope: nil, state: nil)
        let requests = await transport.requests
        #expect(requests.first?.headers.first { $0.name == "Authorization" }?.value == "User user-\(Self.value), Organization org-\(Self.value)")
        // The documented sign-in call is a GET: the client secret travels in its query.
        #expect(requests.last?.method == "GET")
        #expect(requests.last?.url.contains("apiSecret=client-\(Self.value)") == true, "\(requests.last?.url ?? "")")
    }

    @Test("a form hands secrets out typed (the grant code extracted), and non-secret values without them")
    func formHandsOutTypedSecrets() {
        var form = InstanceForm()
        form[.apiSecret] = " a-secret "
        form[.code] = "https://localhost/cb?code=abcdefghijklmnopqrstuvwxyz&state=s"
        form[.apiKey] = "client-id"
        #expect(form.secret(.apiSecret) == Secret("a-secret"))
        #expect(form.secret(.code).revealed == "abcdefghijklmnopqrstuvwxyz")
        #expect(form.secret(.userSecret).isEmpty)
        #expect(form.nonSecretValues[.apiKey] == "client-id")
        #expect(Set(form.nonSecretValues.keys).isDisjoint(with: ParameterTable.all.filter(\.isSecret).map(\.id)))
    }

    @Test("masking and redaction come from one place: review body, curl command, log line")
    func oneRedaction() {
        var form = InstanceForm()
        form[.apiSecret] = "client-\(Self.value)"
        form[.code] = "code-\(Self.value)-0123456789"
        let masked = InstanceRequest.body(from: form) { _, _ in Redaction.dots }
        #expect(masked["configuration"]?["oauth.api.secret"] == .string(Redaction.dots))
        #expect(masked["providerData"]?["code"] == .string(Redaction.dots))
        #expect(masked["configuration"]?["oauth.scope"] == .string(ParameterTable.defaultScope), "other values stay")
        let curl = CurlCommand.create(baseURL: ParameterTable.defaultBaseURL, form: form)
        #expect(!curl.contains(Self.value))
        #expect(curl.contains("'\"$OC_API_SECRET\"'") && curl.contains("'\"$OC_CODE\"'"))
        #expect(Redaction.url("https://h/x?apiSecret=\(Self.value)&state=s") == "https://h/x?apiSecret=\(Redaction.logMarker)&state=s")
    }
}
