import FuzzSupport
@testable import OCWizardCLI
import OpenConnectors

/// The team-profile parser: any text is a profile of known keys or a refusal with a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let text = input.restString()
    do {
        let profile = try Profile.parse(text, path: "/fuzz/profile.json")
        for id in profile.values.keys { precondition(!ParameterTable[id].isSecret, "a profile held a secret") }
    } catch {
        precondition(!error.message.isEmpty)
    }
    return 0
}

runFuzzer(fuzzProfile)
