import CCurl
@testable import CurlTransport
import OpenConnectors
import Testing

/// Each certificate failure is told apart, and only an unknown issuer is sent to --cacert.
@Suite struct CertificateFailureTests {
    private func error(_ text: String) -> TransportError {
        CurlFailure(code: CURLE_PEER_FAILED_VERIFICATION, text: text, url: ParsedURL("https://api.example.com/elements/api-v2"),
                    usedProxy: false, exceededBodyLimit: false, cancelled: false, options: CurlTransportOptions()).transportError
    }

    @Test(arguments: [
        ("SSL certificate problem: certificate has expired", "expired"),
        ("SSL certificate problem: certificate is not yet valid", "expired"),
        ("SSL: no alternative certificate subject name matches target host name 'api.example.com'", "name"),
        ("SSL certificate problem: self-signed certificate", "issuer"),
        ("SSL certificate problem: unable to get local issuer certificate", "issuer"),
    ])
    func theCauseDecidesTheAdvice(text: String, cause: String) {
        let failure = error(text)
        switch (cause, failure) {
        case ("expired", .expiredCertificate), ("name", .hostnameMismatch), ("issuer", .untrustedCertificate): break
        default: Issue.record("\(text) became \(failure)")
        }
        #expect(failure.nextStep.contains("pass --cacert") == (cause == "issuer"), "\(failure.nextStep)")
        #expect(failure.message.contains(text))
    }

    @Test func anOversizedAnswerPointsAtTheBaseURLNotAtAFilter() {
        let failure = TransportError.responseTooLarge(limitBytes: CurlTransportOptions.defaultMaximumBodyBytes)
        #expect(failure.nextStep.contains("API base URL"))
        #expect(!failure.nextStep.contains("tag filter"), "a create has no filter to narrow")
    }
}
