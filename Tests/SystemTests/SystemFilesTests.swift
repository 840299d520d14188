import Glibc
import SystemPorts
import Testing
@testable import System

/// The real file adapter: private writes are 0600, atomic, and never replace a file unless asked.
@Suite("System files")
struct SystemFilesTests {
    private let files = SystemFiles()

    /// A fresh private directory under /tmp.
    private func directory() throws -> String {
        var template = Array("/tmp/ocwizard-files-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(made != nil)
        return String(cString: made!)
    }

    /// Removes `path` and what is in it (one level deep is enough here).
    private func remove(_ path: String) {
        if let entries = opendir(path) {
            while let entry = readdir(entries) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(path + "/" + name) }
            }
            closedir(entries)
        }
        rmdir(path)
    }

    @Test("a private write has mode 0600 and reads back")
    func modeIs0600() throws {
        let folder = try directory()
        defer { remove(folder) }
        #expect(files.writePrivate("{}\n", to: folder + "/tok.json", overwrite: false) == .success(folder + "/tok.json"))
        #expect(files.permissions(folder + "/tok.json") == 0o600)
        #expect(files.read(folder + "/tok.json") == "{}\n")
    }

    @Test("an existing file is left alone and reported, unless overwrite is asked for; no temporary file is left")
    func noOverwrite() throws {
        let folder = try directory()
        defer { remove(folder) }
        let path = folder + "/tok.json"
        #expect(files.writePrivate("a", to: path, overwrite: false) == .success(path))
        #expect(files.writePrivate("b", to: path, overwrite: false) == .failure(.exists(path: path)))
        #expect(files.read(path) == "a")
        #expect(files.writePrivate("b", to: path, overwrite: true) == .success(path))
        #expect(files.read(path) == "b")
        #expect(files.permissions(path) == 0o600)
        var names: [String] = []
        if let entries = opendir(folder) {
            while let entry = readdir(entries) {
                names.append(withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) })
            }
            closedir(entries)
        }
        #expect(names.sorted() == [".", "..", "tok.json"])
    }

    @Test("a write into a missing directory fails with the path and the reason")
    func missingDirectory() {
        guard case .failure(.failed(let path, let reason)) = files.writePrivate("a", to: "/nonexistent-ocwizard/tok.json", overwrite: false) else {
            Issue.record("expected a failure")
            return
        }
        #expect(path == "/nonexistent-ocwizard/tok.json")
        #expect(reason == "No such file or directory")
    }

    @Test("directories are made with their parents, mode 0700; a missing file has no permissions")
    func directories() throws {
        let folder = try directory()
        defer { remove(folder + "/a/b"); remove(folder + "/a"); remove(folder) }
        files.makeDirectories(folder + "/a/b")
        #expect(files.permissions(folder + "/a") == 0o700)
        #expect(files.permissions(folder + "/a/b") == 0o700)
        #expect(files.permissions(folder + "/a/missing") == nil)
        #expect(files.read(folder + "/a/missing") == nil)
        #expect(files.currentDirectory()?.hasPrefix("/") == true)
    }
}
