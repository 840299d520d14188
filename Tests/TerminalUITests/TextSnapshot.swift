import Testing
import TerminalUI

/// Compares a rendered buffer with a text file under `__Snapshots__`, with a line diff on mismatch.
///
/// A missing snapshot is written and the test fails, so new screens are reviewed before they are
/// committed. `OCWIZARD_RECORD_SNAPSHOTS=1` rewrites every snapshot (review them with `git diff`).
func assertSnapshot(_ buffer: CellBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let cursor = buffer.cursor.map { "cursor: column \($0.column), row \($0.row)" } ?? "cursor: hidden"
    let actual = "size: \(buffer.width)×\(buffer.height)\n" + buffer.textLines.map { "│" + $0 }.joined(separator: "\n") + "\n" + cursor + "\n"
    let path = snapshotDirectory + "/" + name + ".txt"
    let record = environment("OCWIZARD_RECORD_SNAPSHOTS") == "1"
    guard let expected = readFile(path), !record else {
        writeFile(path, actual)
        if !record { Issue.record("No snapshot \(name) yet: recorded it at \(path). Review it, then run the test again.", sourceLocation: sourceLocation) }
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let old = index < expectedLines.count ? String(expectedLines[index]) : "∅"
        let new = index < actualLines.count ? String(actualLines[index]) : "∅"
        if old != new { diff.append(contentsOf: ["line \(index + 1):", "− " + old, "+ " + new]) }
    }
    let report = diff.joined(separator: "\n")
    Issue.record("Snapshot \(name) differs:\n\(report)", sourceLocation: sourceLocation)
}

private let snapshotDirectory: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/__Snapshots__"
}()

#if canImport(Glibc)
import Glibc
#endif

private func environment(_ name: String) -> String? {
    getenv(name).map { String(decoding: UnsafeBufferPointer(start: $0, count: strlen($0)).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
}

private func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes += chunk[..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func writeFile(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    _ = fwrite(bytes, 1, bytes.count, file)
}
