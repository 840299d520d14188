import OpenConnectors
import SystemPorts

/// A callback URL on this machine over plain `http` — one the wizard can catch the redirect on.
///
/// Microsoft Entra ID accepts `http://localhost…`, `http://127.0.0.1…` and `http://[::1]…` as Web
/// redirect URIs; the wizard listens on exactly that address, port and path.
public struct LoopbackCallback: Sendable, Equatable, Hashable {
    /// Where to listen (`localhost` listens on 127.0.0.1).
    public let endpoint: LoopbackEndpoint
    /// The path the browser is sent to (`/` when the URL has none).
    public let path: String
    /// `http://`, the host and the port as the callback URL writes them: the browser comes back
    /// to this address, so the caught redirect is rebuilt on it (`localhost` stays `localhost`).
    public let origin: String

    /// The loopback callback of `callbackURL`, or `nil` when the URL is not `http` on a loopback address.
    public init?(_ callbackURL: String) {
        guard let url = ParsedURL(callbackURL), url.scheme == "http", url.query == nil, url.fragment == nil else { return nil }
        let address: String
        switch url.host {
        case "localhost", "127.0.0.1": address = "127.0.0.1"
        case "::1": address = "::1"
        default: return nil
        }
        endpoint = LoopbackEndpoint(address: address, port: url.port ?? 80)
        path = url.path.isEmpty ? "/" : url.path
        origin = "http://" + (url.host.contains(":") ? "[\(url.host)]" : url.host) + (url.port.map { ":\($0)" } ?? "")
    }

    /// The `ssh` command that forwards this callback's port from the user's machine to `host`.
    public func forwardingCommand(host: String) -> String {
        "ssh -L \(endpoint.port):localhost:\(endpoint.port) \(host)"
    }
}

/// What a browser's request at the callback brings the flow.
public enum CaughtRedirect: Sendable, Equatable {
    /// The address with a code and the right `state`.
    case signedIn(url: String)
    /// Microsoft's `error=…` with the right `state`.
    case refused(GrantCodeProblem)
}

/// Decides the answer to each request the loopback listener reads: pure, so every driver and test shares it.
public enum RedirectCatch {
    /// The page for `request` at `callback`, and what it brings the flow (`nil`: nothing changes).
    ///
    /// Another path gets 404 and a wrong or missing `state` 400, both without touching the flow; a
    /// code with the right state ends the listening.
    public static func answer(_ request: LoopbackRequest, callback: LoopbackCallback, expectedState: String) -> (reply: LoopbackReply, caught: CaughtRedirect?) {
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard path == callback.path else {
            return (page(404, "Not found", "This is ocwizard's sign-in listener; it only answers at \(callback.path).", ends: false), nil)
        }
        guard request.method == "GET" else {
            return (page(405, "Not allowed", "The sign-in comes back with GET.", ends: false), nil)
        }
        let query = request.target.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        var values: [String: String] = [:]
        for pair in QueryString.parse(query) where values[pair.name] == nil { values[pair.name] = pair.value }
        guard values["state"] == expectedState else {
            return (page(400, "Not this sign-in", "This address belongs to another sign-in (its state does not match). Go back to the terminal and open the sign-in URL the wizard shows now.", ends: false), nil)
        }
        let url = callback.origin + request.target
        switch GrantCode.parse(url, expectedState: expectedState) {
        case .success:
            return (page(200, "Signed in", "Signed in — you can close this tab and go back to the terminal.", ends: true), .signedIn(url: url))
        case .failure(let problem):
            return (page(400, "Sign-in did not give a code", problem.message + " Then go back to the terminal.", ends: false), .refused(problem))
        }
    }

    /// A small HTML page with `heading` and `text`, escaped.
    private static func page(_ status: Int, _ heading: String, _ text: String, ends: Bool) -> LoopbackReply {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>ocwizard: \(escaped(heading))</title></head>"
            + "<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>\(escaped(heading))</h1><p>\(escaped(text))</p></body></html>"
        return LoopbackReply(status: status, html: html, ends: ends)
    }

    /// `text` with HTML's special characters as entities (Microsoft's message is not trusted).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
