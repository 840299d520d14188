import FuzzSupport
@testable import OCWizardCLI
import OpenConnectors

/// The secrets-file parser: any text is either read into known secret names or refused with a
/// message that names a line by its number and never holds the file's text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSecretsFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let text = input.restString()
    do {
        let secrets = try SecretsFile.parse(text, path: "/fuzz/secrets")
        for name in secrets.keys { precondition(SecretsFile.allowedNames.contains(name), "an unknown name \(name) was read") }
    } catch {
        // A refusal must not echo a value: no value of 8 or more characters appears in it, unless
        // the message's own words hold it anyway.
        let ownWords = "/fuzz/secrets line : expected NAME=value. the name before = is not a secret ocwizard reads; use one of "
            + SecretsFile.allowedNames.sorted().joined(separator: ", ")
        for line in text.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let value = line[line.index(after: equals)...]
            precondition(value.count < 8 || !error.message.contains(value) || ownWords.contains(value), "a refusal repeats a value from the file")
        }
    }
    return 0
}

runFuzzer(fuzzSecretsFile)
