import FuzzSupport
import TerminalKeys
import TerminalUI

/// The key decoder: terminal bytes (escape sequences, UTF-8, bracketed paste) fed in chunks of
/// fuzzed sizes with pauses between them, as a terminal delivers them.
///
/// Input: pairs of a chunk-length byte and that many bytes; a length byte with its top bit set
/// also pauses (the escape timeout) after its chunk.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeyDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzInput(data, size)
    var decoder = InputDecoder()
    while !input.isAtEnd {
        let control = input.byte()
        var chunk: [UInt8] = []
        for _ in 0..<Int(control & 0x3F) where !input.isAtEnd { chunk.append(input.byte()) }
        _ = decoder.feed(bytes: chunk)
        if control & 0x80 != 0 { _ = decoder.inputPaused() }
    }
    _ = decoder.inputPaused()
    return 0
}

runFuzzer(fuzzKeyDecoder)
