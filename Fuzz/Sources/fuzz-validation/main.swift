import FuzzSupport
import OpenConnectors

/// Validation of every parameter: a form whose fields hold fuzzed values (each field present or
/// not), checked as a whole; a form without errors must build a request body and a curl command.
///
/// Input: the expected state, then for each parameter in table order a presence byte and a
/// 0-terminated value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let state = input.string()
    var form = InstanceForm()
    for id in ParameterID.allCases where input.byte() & 1 == 1 {
        form[id] = input.string()
    }
    let problems = Validator.problems(in: form, expectedState: state.isEmpty ? nil : state)
    for problem in problems { precondition(!problem.message.isEmpty, "a problem without a message") }
    for id in ParameterID.allCases {
        _ = form.normalized(id)
        _ = Validator.problems(of: id, in: form, expectedState: state)
    }
    if problems.allSatisfy({ $0.severity != .error }) {
        _ = InstanceRequest.body(from: form).prettyText
        _ = CurlCommand.create(baseURL: form.normalized(.baseURL), form: form)
    }
    return 0
}

runFuzzer(fuzzValidation)
