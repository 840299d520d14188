import FuzzSupport
import OpenConnectors

/// Response decoding: every client call against a transport that answers with a fuzzed status,
/// headers and body (an instance, a list page, an OAuth URL, an error), and every message built
/// from what came back.
///
/// Input: a call byte, a status byte, a header name and value (0-terminated each), then the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResponses(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let call = input.byte()
    let status = input.pick([200, 201, 204, 301, 400, 401, 403, 404, 409, 413, 429, 500, 502, 503, 999])
    let header = HTTPHeader(input.string(), input.string())
    let response = HTTPResponse(status: status, headers: [header], body: input.rest())
    runBlocking {
        let client = OpenConnectorsClient(transport: CannedTransport(response: response), baseURL: "https://api.example.com/elements/api-v2",
                                          credentials: Credentials(userSecret: "user", organizationSecret: "org"))
        do {
            switch call % 9 {
            case 0: _ = try await client.getInstance(id: 7)
            case 1: _ = try await client.listPage(nextPage: "token")
            case 2: _ = try await client.createInstance(body: .object([]))
            case 3: _ = try await client.oauthURL(apiKey: "key", apiSecret: "secret", callbackURL: "https://localhost/cb", scope: nil, state: "s")
            case 4: try await client.verifyCredentials()
            case 5: _ = try await client.updateInstance(id: 7, name: "n")
            case 6: try await client.setEnabled(id: 7, true)
            case 7: try await client.deleteInstance(id: 7)
            default: _ = try await client.reauthenticate(id: 7, code: "code", apiKey: "key", apiSecret: "secret", callbackURL: nil)
            }
        } catch let error as OpenConnectorsError {
            precondition(!error.summary.isEmpty, "a failure without a summary")
            _ = error.nextStep
            _ = error.details
            _ = error.isOutcomeUnknown
        } catch {
            preconditionFailure("the client threw something other than OpenConnectorsError: \(error)")
        }
    }
    return 0
}

/// A transport that answers every request with the same response.
struct CannedTransport: HTTPTransport {
    let response: HTTPResponse
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { response }
}

runFuzzer(fuzzResponses)
