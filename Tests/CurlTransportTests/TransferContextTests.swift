@testable import CurlTransport
import OpenConnectors
import Testing

/// What the libcurl callbacks collect: headers of the final response only, and a body within the cap.
@Suite struct TransferContextTests {
    private func feedHeaders(_ lines: [String], to context: TransferContext) {
        for line in lines {
            Array(line.utf8).withUnsafeBytes { context.receiveHeaderLine($0) }
        }
    }

    @Test func onlyTheFinalResponsesHeadersAreKept() {
        let context = TransferContext(maximumBodyBytes: 10, cancellation: CancellationFlag())

        feedHeaders(["HTTP/1.1 100 Continue\r\n", "X-Early: 1\r\n", "\r\n",
                     "HTTP/1.1 200 OK\r\n", "Content-Type:  application/json \r\n", "elements-next-page-token: abc:def\r\n", "\r\n"], to: context)

        #expect(context.headers == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("elements-next-page-token", "abc:def")])
    }

    @Test func theBodyStopsAtTheCap() {
        let context = TransferContext(maximumBodyBytes: 5, cancellation: CancellationFlag())

        let first = Array("abc".utf8).withUnsafeBytes { context.receiveBody($0) }
        let second = Array("de".utf8).withUnsafeBytes { context.receiveBody($0) }
        let third = Array("f".utf8).withUnsafeBytes { context.receiveBody($0) }

        #expect([first, second, third] == [true, true, false])
        #expect(context.body == Array("abcde".utf8))
        #expect(context.exceededBodyLimit)
    }
}
