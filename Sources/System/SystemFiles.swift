import Glibc
import SystemPorts

/// Files over POSIX calls: small text reads, and private writes (0600, atomic, no-overwrite unless asked).
public struct SystemFiles: FileAccess {
    /// The real file system.
    public init() {}

    public func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return readAll(descriptor)
    }

    public func readPrivate(_ path: String) -> Result<String, PrivateReadFailure> {
        // O_NOFOLLOW: a symbolic link as the last component fails with ELOOP instead of being followed.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return .failure(.missing)
            case ELOOP: return .failure(.symbolicLink)
            default: return .failure(.unreadable(reason: systemErrorText()))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(reason: systemErrorText())) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable(reason: "not a regular file")) }
        guard info.st_uid == geteuid() else { return .failure(.notOwned) }
        let mode = UInt16(info.st_mode & 0o7777)
        guard mode & 0o077 == 0 else { return .failure(.tooOpen(mode: mode)) }
        return .success(readAll(descriptor))
    }

    /// The rest of `descriptor`'s bytes as UTF-8 text.
    public func readBytes(_ path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return Self.readBytes(descriptor, limit: limit)
    }

    /// Up to `limit + 1` bytes of `descriptor`, to its end (so a caller can tell "too long").
    static func readBytes(_ descriptor: Int32, limit: Int = .max) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let room = limit - bytes.count
            let count = Glibc.read(descriptor, &chunk, room < chunk.count ? room + 1 : chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[..<count]
        }
        return bytes
    }

    private func readAll(_ descriptor: Int32) -> String {
        String(decoding: Self.readBytes(descriptor), as: UTF8.self)
    }

    public func permissions(_ path: String) -> UInt16? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt16(info.st_mode & 0o7777)
    }

    public func writePrivate(_ contents: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure> {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
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

    public func makeDirectories(_ path: String) {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o700)
        }
    }

    public func currentDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
