import OpenConnectors
import Testing

/// `ParsedURL`, `QueryString` and `Redaction.url`.
@Suite("URL handling")
struct URLHandlingTests {
    @Test("every part of a full URL, scheme and host lower-cased")
    func fullURL() throws {
        let url = try #require(ParsedURL("HTTPS://API.Example.com:8443/a/B?x=1&y=%20#frag"))
        #expect(url.scheme == "https")
        #expect(url.userInfo == nil)
        #expect(url.host == "api.example.com")
        #expect(url.port == 8443)
        #expect(url.path == "/a/B")
        #expect(url.query == "x=1&y=%20")
        #expect(url.fragment == "frag")
        #expect(ParsedURL("https://h")?.path == "" && ParsedURL("https://h")?.query == nil && ParsedURL("https://h")?.fragment == nil)
        #expect(ParsedURL("https://h/?")?.query == "" && ParsedURL("https://h/#")?.fragment == "")
    }

    /// A text and what `ParsedURL` must make of it (`nil` host: not a URL).
    struct URLExample: Sendable, CustomTestStringConvertible {
        let text: String
        let host: String?
        var port: Int? = nil
        var userInfo: String? = nil
        var isLoopback = false
        var testDescription: String { text.debugDescription }
    }

    @Test("edge cases: IPv6, ports, user info, loopback, junk", arguments: [
        URLExample(text: "http://[::1]:8080/cb", host: "::1", port: 8080, isLoopback: true),
        URLExample(text: "http://[::1]", host: "::1", isLoopback: true),
        URLExample(text: "https://[2001:DB8::1]/x", host: "2001:db8::1"),
        URLExample(text: "http://[fe80::1%25eth0]:80/", host: "fe80::1%25eth0", port: 80),
        URLExample(text: "http://[::1", host: nil),
        URLExample(text: "http://[::1]x/", host: nil),
        URLExample(text: "http://[localhost]/", host: nil),
        URLExample(text: "http://::1/", host: nil),
        URLExample(text: "https://host.com:65535", host: "host.com", port: 65535),
        URLExample(text: "https://host.com:1/", host: "host.com", port: 1),
        URLExample(text: "https://host.com:0", host: nil),
        URLExample(text: "https://host.com:65536", host: nil),
        URLExample(text: "https://host.com:+80", host: nil),
        URLExample(text: "https://host.com:", host: nil),
        URLExample(text: "https://host.com:http", host: nil),
        URLExample(text: "https://host.com:80:90", host: nil),
        URLExample(text: "https://user:pa:ss@host.com/p", host: "host.com", userInfo: "user:pa:ss"),
        URLExample(text: "https://a@b@host.com", host: "host.com", userInfo: "a@b"),
        URLExample(text: "https://@host.com", host: "host.com", userInfo: ""),
        URLExample(text: "https://user@", host: nil),
        URLExample(text: "https://host.com/a@b?c@d", host: "host.com"),
        URLExample(text: "https://host.com?next=https://evil.com@x", host: "host.com"),
        URLExample(text: "http://LocalHost:3000", host: "localhost", port: 3000, isLoopback: true),
        URLExample(text: "http://127.5.6.7", host: "127.5.6.7", isLoopback: true),
        URLExample(text: "http://app.localhost", host: "app.localhost", isLoopback: true),
        URLExample(text: "http://localhost.example.com", host: "localhost.example.com"),
        URLExample(text: "http://0.0.0.0", host: "0.0.0.0"),
        URLExample(text: "https://bücher.example/", host: "bücher.example"),
        URLExample(text: "https://host_name.example", host: "host_name.example"),
        URLExample(text: "https://", host: nil),
        URLExample(text: "https:///path", host: nil),
        URLExample(text: "//host.com/path", host: nil),
        URLExample(text: "host.com", host: nil),
        URLExample(text: "1https://host.com", host: nil),
        URLExample(text: "https://ho st.com", host: nil),
        URLExample(text: "https://host.com/a b", host: nil),
        URLExample(text: "https://host.com/a\u{0}", host: nil),
        URLExample(text: "https://a<b>.com", host: nil),
        URLExample(text: "https://a\\b.com", host: nil),
    ])
    func edgeCases(_ example: URLExample) {
        let url = ParsedURL(example.text)
        #expect(url?.host == example.host)
        if let url {
            #expect(url.port == example.port)
            #expect(url.userInfo == example.userInfo)
            #expect(url.isLoopback == example.isLoopback)
        }
    }

    @Test("query strings: percent-encoding keeps only unreserved characters")
    func queryEncode() {
        #expect(QueryString.encode("a b&c=d/é+~-._") == "a%20b%26c%3Dd%2F%C3%A9%2B~-._")
        #expect(QueryString.encode("") == "")
        #expect(QueryString.build([("tags[]", "my tag"), ("scope", "Calendars.Read offline_access")])
                == "tags%5B%5D=my%20tag&scope=Calendars.Read%20offline_access")
    }

    @Test("query strings: decoding reads + as space and keeps malformed escapes")
    func queryDecode() {
        #expect(QueryString.decode("a+b%20c%2Fd%C3%A9") == "a b c/dé")
        #expect(QueryString.decode("100%") == "100%")
        #expect(QueryString.decode("%2x%G0%") == "%2x%G0%")
        #expect(QueryString.decode("%e2%9C%93") == "✓")
    }

    @Test("query strings: parsing keeps order, empty values and names without =")
    func queryParse() {
        let pairs = QueryString.parse("code=a%2Fb&state=&flag&&x=1=2")
        #expect(pairs.map(\.name) == ["code", "state", "flag", "x"])
        #expect(pairs.map(\.value) == ["a/b", "", "", "1=2"])
    }

    @Test("query strings: encode then decode gives the text back")
    func queryRoundTrip() {
        for text in ["", "plain", "a b+c&d=e", "ünï©ødé 📅 \u{0}\n", "%41%", "e\u{301}"] {
            #expect(QueryString.decode(Substring(QueryString.encode(text))) == text)
        }
    }

    @Test("redaction hides secret query parameters and keeps the rest", arguments: [
        ("https://h/elements/api-v2/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=s3cr%20et&callbackUrl=https%3A%2F%2Fx&state=st",
         "https://h/elements/api-v2/elements/microsoftgraph/oauth/url?apiKey=id&apiSecret=***&callbackUrl=https%3A%2F%2Fx&state=st"),
        ("https://mycoolapp.com/cb?code=M.C507&state=xyz", "https://mycoolapp.com/cb?code=***&state=xyz"),
        ("https://mycoolapp.com/cb#code=M.C507&state=xyz", "https://mycoolapp.com/cb#code=***&state=xyz"),
        ("https://mycoolapp.com/cb?session_state=1#code=M.C507", "https://mycoolapp.com/cb?session_state=1#code=***"),
        ("https://h/x?API%53ecret=abc&APISECRET=def", "https://h/x?API%53ecret=***&APISECRET=***"),
        ("https://h/x?token=a&refresh_token=b&access_token=c&password=d&client_secret=e&signatureKey=f&secret=g&id_token=h",
         "https://h/x?token=***&refresh_token=***&access_token=***&password=***&client_secret=***&signatureKey=***&secret=***&id_token=***"),
        ("https://h/instances?pageSize=1&hydrate=false", "https://h/instances?pageSize=1&hydrate=false"),
        ("https://h/x?code&&=code&codec=1", "https://h/x?code&&=code&codec=1"),
        ("https://h/path/only", "https://h/path/only"),
    ])
    func redaction(_ url: String, _ redacted: String) {
        #expect(Redaction.url(url) == redacted)
    }
}
