import Foundation

extension SandboxAPI {
    /// `/sandbox/faults`: `POST` queues a fault (JSON body), `GET` lists pending ones,
    /// `DELETE` clears them. Needs no credentials.
    func controlFaults(_ request: SandboxRequest) async throws -> SandboxResponse {
        switch request.method {
        case "POST":
            let fault: SandboxFault
            do {
                fault = try JSONDecoder().decode(SandboxFault.self, from: request.body)
            } catch {
                throw APIError.badRequest("A fault needs a JSON object with at least \"path\"; \(error).")
            }
            do {
                await faults.add(try fault.validated())
            } catch {
                throw APIError.badRequest(error.description)
            }
            return .json(fault)
        case "DELETE":
            return .json(["cleared": await faults.clear()])
        default:
            return .json(await faults.list())
        }
    }
}
