import FuzzSupport
import OpenConnectors
@testable import System
import SystemPorts
import Wizard

/// Grant-code and redirect parsing: a pasted code or redirected address with an expected state,
/// and the loopback listener's request line and the answer it gives to the browser.
///
/// Input: the expected state, a 0 byte, then the pasted text (also read as a request head).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGrantCode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let state = input.string()
    let rest = input.rest()
    let pasted = String(decoding: rest, as: UTF8.self)
    for expected in [state.isEmpty ? nil : state, nil] {
        switch GrantCode.parse(pasted, expectedState: expected) {
        case .success(let grant):
            precondition(GrantCode.shapeProblem(of: grant.code.revealed) == nil, "a code was extracted that its own shape check refuses")
        case .failure(let problem):
            precondition(!problem.message.isEmpty)
        }
    }
    // The request head as the listener's server parses it (up to the blank line, if any).
    let head = rest[..<(HTTPHead.end(of: rest) ?? rest.count)]
    if let parsed = HTTPHead.parse(head), let callback = LoopbackCallback("http://127.0.0.1:8765/callback") {
        let request = LoopbackRequest(method: parsed.method, target: parsed.target)
        let (reply, caught) = RedirectCatch.answer(request, callback: callback, expectedState: state)
        precondition((100...599).contains(reply.status))
        if case .signedIn(let url)? = caught { precondition(url.contains("state="), "a sign-in is caught only with its state") }
    }
    return 0
}

runFuzzer(fuzzGrantCode)
