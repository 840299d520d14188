/// Why writing a private file did not happen.
public enum SaveFailure: Error, Sendable, Equatable {
    /// A file is already there; ask before replacing it.
    case exists(path: String)
    /// The file could not be written.
    case failed(path: String, reason: String)
}

/// Why a private file (one holding secrets) was not read.
public enum PrivateReadFailure: Error, Sendable, Equatable {
    /// There is no file at the path.
    case missing
    /// The path is a symbolic link, which is not followed (it could point anywhere).
    case symbolicLink
    /// Another user owns the file.
    case notOwned
    /// Group or others may read or write it; the permission bits.
    case tooOpen(mode: UInt16)
    /// It could not be opened or read; the system's reason.
    case unreadable(reason: String)
}

/// The port for files: read small text files, write private ones.
public protocol FileAccess: Sendable {
    /// The file's text, or `nil` when it cannot be read.
    func read(_ path: String) -> String?
    /// The file's bytes exactly as stored, at most `limit + 1` (so a caller can tell "too long"),
    /// or `nil` when it cannot be read (a default goes through `read`).
    func readBytes(_ path: String, limit: Int) -> [UInt8]?
    /// A file that holds secrets: read only when it is not a symbolic link, belongs to this user and
    /// no one else may read or write it, all checked on the opened file itself.
    func readPrivate(_ path: String) -> Result<String, PrivateReadFailure>
    /// The permission bits of a file (`0o600`), or `nil` when it does not exist.
    func permissions(_ path: String) -> UInt16?
    /// Writes `contents` to the absolute `path` with mode 0600, atomically; without `overwrite`
    /// an existing file is left alone and reported. Returns the path written.
    func writePrivate(_ contents: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure>
    /// Creates `path` and its missing parents, each with mode 0700 (best effort).
    func makeDirectories(_ path: String)
    /// The working directory, or `nil` when it cannot be read (removed, or too deep).
    func currentDirectory() -> String?
}

extension FileAccess {
    /// The default for adapters that hold text only: the text's UTF-8 bytes.
    public func readBytes(_ path: String, limit: Int) -> [UInt8]? {
        read(path).map { Array($0.utf8.prefix(limit + 1)) }
    }
}
