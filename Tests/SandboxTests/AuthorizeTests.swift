import Foundation
import Testing

/// `GET /sandbox/authorize`: the stand-in for Microsoft's consent page.
@Suite struct AuthorizeTests {
    private func authorize(_ sandbox: RunningSandbox, _ query: String) async throws -> RawResponse {
        try await sandbox.send("GET", "/sandbox/authorize?\(query)", authorized: false)
    }

    private let consent = "client_id=5a4db0c5-c11e-4d1d-a000-000000000001&response_type=code&scope=User.Read"

    @Test func consentRedirectsWithCodeAndStateKeepingTheRedirectQuery() async throws {
        try await withSandbox { sandbox in
            let redirect = "http%3A%2F%2Flocalhost%3A8765%2Fcb%3Fkeep%3D1%26x%3Da%2520b"
            let response = try await authorize(sandbox, "\(consent)&redirect_uri=\(redirect)&state=a%20b%26c%3D%C3%A9%2F")
            #expect(response.status == 302)
            let location = try #require(response.headers["location"])
            #expect(location.hasPrefix("http://localhost:8765/cb?keep=1&x=a%20b&code="))
            #expect(location.contains("&state=a%20b%26c%3D%C3%A9%2F"))
            let items = try RunningSandbox.redirectQuery(response)
            #expect(items["state"] == "a b&c=é/")
            #expect(items["keep"] == "1")
            #expect((items["code"] ?? "").count > 20)
        }
    }

    @Test func eachConsentIssuesADifferentCode() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.consentCode()
            let second = try await sandbox.consentCode()
            #expect(first != second)
        }
    }

    @Test func denyRedirectsWithAccessDenied() async throws {
        try await withSandbox { sandbox in
            let response = try await authorize(sandbox, "\(consent)&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=s&deny=1")
            #expect(response.status == 302)
            let items = try RunningSandbox.redirectQuery(response)
            #expect(items["error"] == "access_denied")
            #expect(items["error_description"]?.contains("AADSTS65004") == true)
            #expect(items["state"] == "s")
            #expect(items["code"] == nil)
        }
    }

    @Test func unknownClientRedirectsWithUnauthorizedClient() async throws {
        try await withSandbox { sandbox in
            let response = try await authorize(
                sandbox, "client_id=other&response_type=code&scope=User.Read&redirect_uri=http%3A%2F%2Flocalhost%2Fcb"
            )
            let items = try RunningSandbox.redirectQuery(response)
            #expect(response.status == 302)
            #expect(items["error"] == "unauthorized_client")
            #expect(items["error_description"]?.contains("AADSTS700016") == true)
        }
    }

    @Test func wrongResponseTypeRedirectsWithUnsupportedResponseType() async throws {
        try await withSandbox { sandbox in
            let response = try await authorize(
                sandbox, "client_id=5a4db0c5-c11e-4d1d-a000-000000000001&response_type=token&scope=x&redirect_uri=http%3A%2F%2Flocalhost%2Fcb"
            )
            #expect(try RunningSandbox.redirectQuery(response)["error"] == "unsupported_response_type")
        }
    }

    @Test func missingOrRelativeRedirectURIIsAnErrorPage() async throws {
        try await withSandbox { sandbox in
            #expect(try await authorize(sandbox, consent).status == 400)
            let relative = try await authorize(sandbox, "\(consent)&redirect_uri=%2Fcb")
            #expect(relative.status == 400)
            #expect(relative.headers["location"] == nil)
            #expect(relative.text.contains("redirect_uri"))
        }
    }
}
