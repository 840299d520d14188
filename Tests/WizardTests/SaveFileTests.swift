import OpenConnectors
import Testing
@testable import Wizard

/// Where a saved instance file goes: its default name and the absolute path it is written to.
@Suite("Save to file")
struct SaveFileTests {
    @Test("the default name keeps Unicode letters and digits", arguments: [
        ("カレンダー-ålice-🙂-x", "カレンダー-ålice-🙂-x.ocwizard.json"),
        ("graph-calendar-alice", "graph-calendar-alice.ocwizard.json"),
        ("API Instance", "API-Instance.ocwizard.json"),
        ("a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j.ocwizard.json"),
        ("tab\there\u{7}bell", "tab-here-bell.ocwizard.json"),
        ("..", "instance.ocwizard.json"),
        ("../../etc/passwd", "etc-passwd.ocwizard.json"),
        (".hidden", "hidden.ocwizard.json"),
        ("///", "instance.ocwizard.json"),
        ("", "instance.ocwizard.json"),
    ])
    func defaultName(_ name: String, _ expected: String) {
        #expect(ResultFile.defaultFileName(for: name) == expected)
    }

    @Test("a very long name stays within the 255-byte file name limit")
    func longName() {
        let name = ResultFile.defaultFileName(for: String(repeating: "ålice", count: 100))
        #expect(name.utf8.count <= 255)
        #expect(name.hasSuffix("e.ocwizard.json") || name.hasSuffix(".ocwizard.json"))
    }

    @Test("~ and ~/ are the home directory; a relative path is under the current directory", arguments: [
        ("~/tok.json", "/home/al/tok.json"),
        ("~", "/home/al"),
        ("tok.json", "/work/tok.json"),
        ("./out/tok.json", "/work/out/tok.json"),
        ("/tmp/tok.json", "/tmp/tok.json"),
        ("~bob/tok.json", "/work/~bob/tok.json"),
    ])
    func absolutePath(_ typed: String, _ expected: String) {
        #expect(ResultFile.absolutePath(typed, home: "/home/al", currentDirectory: "/work") == expected)
    }

    @Test("~ without a home directory cannot be expanded")
    func noHome() {
        #expect(ResultFile.absolutePath("~/tok.json", home: nil, currentDirectory: "/work") == nil)
        #expect(ResultFile.absolutePath("~/tok.json", home: "", currentDirectory: "/work") == nil)
        #expect(ResultFile.absolutePath("tok.json", home: nil, currentDirectory: "/work") == "/work/tok.json")
    }
}
