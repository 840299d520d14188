import Synchronization
import SystemPorts

/// A file system in memory: paths to contents and modes.
public final class InMemoryFiles: FileAccess {
    /// A stored file.
    public struct File: Sendable, Equatable {
        public var contents: String
        public var mode: UInt16
        public init(contents: String, mode: UInt16) { self.contents = contents; self.mode = mode }
    }

    private let files: Mutex<[String: File]>
    private let directories = Mutex<Set<String>>([])
    private let workingDirectory: String?

    /// Files that exist from the start, and the working directory.
    public init(_ files: [String: File] = [:], currentDirectory: String? = "/work") {
        self.files = Mutex(files)
        workingDirectory = currentDirectory
    }

    /// The file at `path`, if any.
    public subscript(_ path: String) -> File? { files.withLock { $0[path] } }

    /// Every path that holds a file.
    public var paths: [String] { files.withLock { $0.keys.sorted() } }

    /// The directories made so far.
    public var madeDirectories: Set<String> { directories.withLock { $0 } }

    public func read(_ path: String) -> String? { self[path]?.contents }

    /// Like the real one, minus links and owners (every file here is this user's and none is a link).
    public func readPrivate(_ path: String) -> Result<String, PrivateReadFailure> {
        guard let file = self[path] else { return .failure(.missing) }
        return file.mode & 0o077 == 0 ? .success(file.contents) : .failure(.tooOpen(mode: file.mode))
    }

    public func permissions(_ path: String) -> UInt16? { self[path]?.mode }

    public func writePrivate(_ contents: String, to path: String, overwrite: Bool) -> Result<String, SaveFailure> {
        files.withLock { files in
            if files[path] != nil && !overwrite { return .failure(.exists(path: path)) }
            files[path] = File(contents: contents, mode: 0o600)
            return .success(path)
        }
    }

    public func makeDirectories(_ path: String) {
        _ = directories.withLock { $0.insert(path) }
    }

    public func currentDirectory() -> String? { workingDirectory }
}
