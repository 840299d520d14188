import OpenConnectors
import Testing

/// Taking the grant code out of whatever the person pasted.
@Suite("Grant code extraction")
struct GrantCodeTests {
    /// A pasted text and the code and state that must come out of it.
    struct Extraction: Sendable, CustomTestStringConvertible {
        let pasted: String
        let code: String
        let state: String?
        var testDescription: String { pasted.debugDescription }
    }

    @Test("extracts the code from every shape it may be pasted in", arguments: [
        Extraction(pasted: "M.C507_BAY.2.U.abc", code: "M.C507_BAY.2.U.abc", state: nil),
        Extraction(pasted: "  M.C507_BAY.2.U.abc \r\n", code: "M.C507_BAY.2.U.abc", state: nil),
        Extraction(pasted: "M.C507_BAY%2F2", code: "M.C507_BAY/2", state: nil),
        Extraction(pasted: "https://mycoolapp.com/oauth/callback?code=M.C507_BAY&state=xyz", code: "M.C507_BAY", state: "xyz"),
        Extraction(pasted: "https://mycoolapp.com/oauth/callback?state=xyz&code=M.C507_BAY&session_state=9", code: "M.C507_BAY", state: "xyz"),
        Extraction(pasted: "?code=M.C507_BAY&state=xyz", code: "M.C507_BAY", state: "xyz"),
        Extraction(pasted: "code=M.C507_BAY&state=xyz", code: "M.C507_BAY", state: "xyz"),
        Extraction(pasted: "state=xyz&code=M.C507_BAY", code: "M.C507_BAY", state: "xyz"),
        Extraction(pasted: "https://mycoolapp.com/cb?code=0.AQ%2Fab%2Bc%3D%3D&state=a%20b", code: "0.AQ/ab+c==", state: "a b"),
        Extraction(pasted: "https://mycoolapp.com/cb?code=M.C507_\n    BAY.2.U&sta\nte=xyz", code: "M.C507_BAY.2.U", state: "xyz"),
        Extraction(pasted: "https://mycoolapp.com/cb?code=one&code=two", code: "one", state: nil),
        Extraction(pasted: "https://mycoolapp.com/cb?code=abc#_=_", code: "abc", state: nil),
        Extraction(pasted: "code=abc#top", code: "abc", state: nil),
        Extraction(pasted: "https://mycoolapp.com/cb#code=abc&state=xyz", code: "abc", state: "xyz"),
        Extraction(pasted: "https://mycoolapp.com/cb?session_state=1#code=abc&state=xyz", code: "abc", state: "xyz"),
    ])
    func extracts(_ example: Extraction) throws {
        let grant = try GrantCode.extract(example.pasted).get()
        #expect(grant.code.revealed == example.code)
        #expect(grant.state == example.state)
    }

    @Test("checks the state only when both sides have one")
    func stateCheck() {
        let url = "https://mycoolapp.com/cb?code=abc&state=theirs"
        #expect(GrantCode.extract(url, expectedState: "ours") == .failure(.stateMismatch(expected: "ours", received: "theirs")))
        #expect(codeAndState(GrantCode.extract(url, expectedState: "theirs")) == "abc|theirs")
        #expect(codeAndState(GrantCode.extract(url)) == "abc|theirs")
        #expect(codeAndState(GrantCode.extract("https://mycoolapp.com/cb?code=abc", expectedState: "ours")) == "abc|nil")
        #expect(codeAndState(GrantCode.extract("abc", expectedState: "ours")) == "abc|nil")
    }

    /// `code|state` of a successful extraction, or the problem.
    private func codeAndState(_ result: Result<GrantCode, GrantCodeProblem>) -> String {
        switch result {
        case .success(let grant): "\(grant.code.revealed)|\(grant.state ?? "nil")"
        case .failure(let problem): "\(problem)"
        }
    }

    @Test("a refused sign-in becomes an error that quotes Microsoft's reason")
    func providerError() {
        let pasted = "https://mycoolapp.com/cb?error=access_denied&error_description=AADSTS65004%3A+User+declined+to+consent+to+access+the+app.&state=xyz"
        let result = GrantCode.parse(pasted, expectedState: "xyz")
        let problem = GrantCodeProblem.providerError(error: "access_denied", description: "AADSTS65004: User declined to consent to access the app.")
        #expect(result == .failure(problem))
        #expect(problem.message == "Sign-in did not give a code: Microsoft answered access_denied (\"AADSTS65004: User declined to consent to access the app.\"). Open the authorization URL again and accept the consent screen.")
        #expect(GrantCode.parse("?error=server_error&error_description=") == .failure(.providerError(error: "server_error", description: nil)))
        #expect(GrantCodeProblem.providerError(error: "server_error", description: nil).message.hasPrefix("Sign-in did not give a code: Microsoft answered server_error. "))
        #expect(GrantCode.parse("?code=abc&error=invalid_request") == .failure(.providerError(error: "invalid_request", description: nil)))
    }

    @Test("nothing pasted, or an address without a code")
    func missing() {
        #expect(GrantCode.parse("") == .failure(.empty))
        #expect(GrantCode.parse(" \n\t ") == .failure(.empty))
        #expect(GrantCode.parse("https://mycoolapp.com/cb") == .failure(.missingCode))
        #expect(GrantCode.parse("https://mycoolapp.com/cb?state=xyz") == .failure(.missingCode))
        #expect(GrantCode.parse("https://mycoolapp.com/cb?code=") == .failure(.missingCode))
        #expect(GrantCode.parse("https://mycoolapp.com/cb#top") == .failure(.missingCode))
        #expect(GrantCodeProblem.missingCode.message.contains("no code=… parameter"))
        #expect(GrantCodeProblem.stateMismatch(expected: "a", received: "b").message.contains("(state b, expected a)"))
    }
}
