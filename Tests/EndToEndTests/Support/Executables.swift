import Foundation

/// Where the end-to-end tests find the programs they drive.
enum Executables {
    /// The package root, found from this file's path (`Tests/EndToEndTests/Support/…`).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // EndToEndTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// `.build/debug/ocwizard`, as `swift build` makes it.
    static var ocwizard: String { get throws { try built("ocwizard") } }

    /// `.build/debug/ocwizard-sandbox`, as `swift build` makes it.
    static var sandbox: String { get throws { try built("ocwizard-sandbox") } }

    /// `tmux` from `PATH`.
    static var tmux: String { get throws { try inPath("tmux") } }

    /// A program that the test needs is missing.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    private static func built(_ name: String) throws -> String {
        let path = packageRoot.appendingPathComponent(".build/debug/\(name)").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(description: "\(path) does not exist: run `swift build` (or `make test`) first.")
        }
        return path
    }

    /// The first executable `name` in `PATH`.
    static func inPath(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(description: "\(name) is not installed (make test-deps installs it).")
    }
}
