import OpenConnectors
import Testing

/// Values that parse but cannot be what the user meant: a fragment of a grant code, a
/// redirect to another address, a non-web scheme, a secret's ID instead of its value.
@Suite("Plausibility of pasted values")
struct PlausibilityTests {
    /// The shape of a work or school account's code: `0.A` and a few hundred base64url characters.
    static let workAccountCode = "0.AXEA" + String(repeating: "k9Vd-3_QrT*Z!a.B", count: 40)
    /// A sandbox code: `0.A` and 96 base64url characters (`RandomText.authorizationCode`).
    static let sandboxCode = "0.A" + String(repeating: "Zm9vYmFy-_42", count: 8)
    /// The shape of a personal (Microsoft account) code.
    static let personalAccountCode = "M.C507_BAY.2.U.7c1e4d2a-93b1-5f0e-22aa-0b6c8e1f3d47"

    @Test("code: real codes pass, fragments and impossible characters do not", arguments: [
        .valid(workAccountCode),
        .valid(sandboxCode),
        .valid(personalAccountCode),
        .valid("xoz8AFqScK2ngM04kSSM"),  // the seed's example: exactly the minimum
        .valid("https://mycoolapp.com/oauth/callback?code=\(workAccountCode)&state=xyz", expectedState: "xyz"),
        .error("abc", "Grant code cannot be used. The code is only 3 characters long"),
        .error("abc", "paste the whole address"),
        .error("https://mycoolapp.com/oauth/callback?code=abc&state=xyz", "only 3 characters long", expectedState: "xyz"),
        .error("xoz8AFqScK2ngM04kSS", "only 19 characters long"),
        .error("xoz8AFqScK2ngM04kSSM\"},\"configuration", "cannot be part of a code"),
        .error("xoz8AFqScK2ngM04kSSM&state=xyz", "contains & which cannot be part of a code"),
        .error("xoz8AFqScK2ngM04kSSMé", "cannot be part of a code"),
    ] as [ValidationCase])
    func codeShape(_ example: ValidationCase) {
        example.check(.code, wireKey: "code")
    }

    @Test("GrantCode.parse refuses a fragment, so the grant-code step never shows \"Code found\" for it")
    func parseRefusesFragments() {
        #expect(GrantCode.parse("abc") == .failure(.implausibleLength(length: 3, minimum: GrantCode.minimumLength)))
        #expect((try? GrantCode.parse(Self.sandboxCode).get().code.revealed) == Self.sandboxCode)
    }

    @Test("code: a redirected address must be the callback URL (scheme, host, port and path)", arguments: [
        .valid("https://mycoolapp.com/oauth/callback?code=\(sandboxCode)"),
        .valid("HTTPS://MyCoolApp.com:443/oauth/callback?code=\(sandboxCode)"),
        .valid("?code=\(sandboxCode)&state=xyz", expectedState: "xyz"),
        .valid("code=\(sandboxCode)"),
        .valid(sandboxCode),
        .error("https://other.example.com/oauth/callback?code=\(sandboxCode)",
               "https://other.example.com/oauth/callback, but the OAuth callback URL (oauth.callback.url) is https://mycoolapp.com/oauth/callback"),
        .error("http://mycoolapp.com/oauth/callback?code=\(sandboxCode)", "fix the OAuth callback URL on the Azure app step or sign in again"),
        .error("https://mycoolapp.com:8443/oauth/callback?code=\(sandboxCode)", "AADSTS50011"),
        .error("https://mycoolapp.com/oauth/other?code=\(sandboxCode)", "https://mycoolapp.com/oauth/other"),
        .warning("https://mycoolapp.com/oauth/callback/?code=\(sandboxCode)", "differs from the OAuth callback URL (oauth.callback.url) only by a trailing /"),
    ] as [ValidationCase])
    func redirectMatchesCallback(_ example: ValidationCase) {
        example.check(.code, wireKey: "code")
    }

    @Test("a callback URL without a path matches the browser's https://host/")
    func rootPath() {
        var form = Fixtures.validForm()
        form[.callbackURL] = "https://mycoolapp.com"
        form[.code] = "https://mycoolapp.com/?code=\(Self.sandboxCode)"
        #expect(Validator.problems(of: .code, in: form).isEmpty)
    }

    @Test("URL fields name a scheme that is not allowed", arguments: [
        (ParameterID.baseURL, "ftp://api.example.com/elements/api-v2", "API base URL must start with https:// (the scheme ftp:// is not allowed"),
        (.callbackURL, "ftp://mycoolapp.com/cb", "OAuth callback URL must start with https:// (the scheme ftp:// is not allowed"),
        (.callbackURL, "file:///etc/passwd", "the scheme file:// is not allowed"),
        (.eventsCallbackURL, "ws://mycoolapp.com/events", "Events callback URL must start with https:// (the scheme ws:// is not allowed"),
    ])
    func disallowedScheme(_ id: ParameterID, _ value: String, _ messagePart: String) {
        var form = Fixtures.validForm(eventsEnabled: true)
        form[id] = value
        let problems = Validator.problems(of: id, in: form)
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.message.contains(messagePart) == true, "\(problems)")
        #expect(problems.first?.message.contains("absolute URL") == false)
    }

    @Test("oauth.api.key: a value that is not a GUID warns and says where the client ID is", arguments: [
        .valid("0f5e4a1c-6b2d-4e8f-9a3b-7c1d2e3f4a5b"),
        .valid("0F5E4A1C-6B2D-4E8F-9A3B-7C1D2E3F4A5B"),
        .warning("xxxxxxxxxxxxxxxxxx", "is not a GUID"),
        .warning("my-app", "Application (client) ID on the app's Overview page"),
        .warning("0f5e4a1c6b2d4e8f9a3b7c1d2e3f4a5b", "is not a GUID"),
    ] as [ValidationCase])
    func clientIDShape(_ example: ValidationCase) {
        example.check(.apiKey, wireKey: "oauth.api.key")
    }

    @Test("oauth.api.secret: a GUID warns that it is the Secret ID, not the Value", arguments: [
        .valid("Abc8Q~xyz.123_-"),
        .valid("kX98Q~Zt3vN-2pLq_4rTs.8uVwXyZaBcDeFgHiJk"),
        .warning("0f5e4a1c-6b2d-4e8f-9a3b-7c1d2e3f4a5b", "looks like the secret's Secret ID, not its Value"),
        .warning("0f5e4a1c-6b2d-4e8f-9a3b-7c1d2e3f4a5b", "copy the Value column"),
    ] as [ValidationCase])
    func clientSecretShape(_ example: ValidationCase) {
        example.check(.apiSecret, wireKey: "oauth.api.secret")
    }

    @Test("502, 503 and 504 say the service is unavailable; 500 stays an internal error", arguments: [502, 503, 504])
    func unavailable(_ status: Int) {
        let failure = APIFailure(status: status, body: nil)
        #expect(failure.kind == .serviceUnavailable)
        #expect(failure.summary == "Open Connectors is unavailable or overloaded right now (\(status)).")
        #expect(failure.nextStep.contains("Try again in a minute"))
        #expect(!failure.summary.contains("internal error"))
    }

    @Test("500 is an internal error")
    func internalError() {
        #expect(APIFailure(status: 500, body: nil).kind == .serverError)
        #expect(APIFailure(status: 500, body: nil).summary == "Open Connectors had an internal error (500).")
    }
}
