import FuzzSupport
import OpenConnectors

/// URL parsing: `ParsedURL` and what is built on it (origin and path, loopback, the port named
/// in a message), query strings, and the redaction of secrets in a URL.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    let text = input.restString()
    if let url = ParsedURL(text) {
        precondition(url.port.map { (1...65_535).contains($0) } ?? true, "a port outside 1…65535 was accepted")
        _ = url.isLoopback
        _ = url.effectivePort
        let origin = url.originAndPath
        precondition(!origin.isEmpty)
        precondition(ParsedURL.outOfRangePort(in: text) == nil, "a valid URL was said to have a bad port")
    }
    _ = ParsedURL.scheme(of: text)
    if let port = ParsedURL.outOfRangePort(in: text) { precondition(port.allSatisfy(\.isNumber)) }
    let redacted = Redaction.url(text)
    precondition(!redacted.isEmpty || text.isEmpty)
    let pairs = QueryString.parse(text[...])
    let rebuilt = QueryString.build(pairs.map { ($0.name, $0.value) })
    precondition(QueryString.parse(rebuilt[...]).elementsEqual(pairs) { $0.name == $1.name && $0.value == $1.value },
                 "a query string built from parsed pairs does not parse back to them")
    _ = QueryString.decode(text[...])
    return 0
}

runFuzzer(fuzzURL)
