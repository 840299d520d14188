import Glibc
import Wizard

/// Writes files that hold secrets: mode 0600, atomically, never replacing a file unless asked.
enum SecureFile {
    /// Writes `contents` to the absolute path `typed` stands for (`~/` is `home`, a relative path
    /// is under `currentDirectory`) and returns that path, which is also the one any failure names.
    /// Without `overwrite`, an existing file is left alone and reported.
    static func write(_ contents: String, to typed: String, overwrite: Bool,
                      home: String? = ProcessEnvironment.current()["HOME"], currentDirectory: String? = currentDirectory()) -> Result<String, SaveFailure> {
        guard let path = ResultFile.absolutePath(typed, home: home, currentDirectory: currentDirectory) else {
            let reason = typed.hasPrefix("~") ? "HOME is not set, so ~ cannot be expanded; type the full path instead."
                                              : "the current directory cannot be read; type the full path instead."
            return .failure(.failed(path: typed, reason: reason))
        }
        let directory = String(path[..<path.lastIndex(of: "/")!])
        var template = Array("\(directory.isEmpty ? "/" : directory)/.ocwizard-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return .failure(.failed(path: path, reason: systemErrorText())) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failed: String?
        if fchmod(descriptor, 0o600) != 0 { failed = systemErrorText() }
        var bytes = Array(contents.utf8)[...]
        while failed == nil, !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 { if errno != EINTR { failed = systemErrorText() } } else { bytes = bytes.dropFirst(written) }
        }
        if failed == nil, fsync(descriptor) != 0 { failed = systemErrorText() }
        close(descriptor)
        defer { unlink(temporary) }
        if let failed { return .failure(.failed(path: path, reason: failed)) }
        if overwrite {
            guard rename(temporary, path) == 0 else { return .failure(.failed(path: path, reason: systemErrorText())) }
        } else if link(temporary, path) != 0 {
            // link(2) never replaces: it fails with EEXIST, which makes "ask before overwriting" race-free.
            return errno == EEXIST ? .failure(.exists(path: path)) : .failure(.failed(path: path, reason: systemErrorText()))
        }
        return .success(path)
    }

    /// The working directory, or `nil` when it cannot be read (removed, or too deep).
    static func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// The text of the current `errno`.
func systemErrorText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(decoding: UnsafeBufferPointer(start: text, count: strlen(text)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
