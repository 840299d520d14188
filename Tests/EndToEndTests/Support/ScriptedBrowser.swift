import Foundation

/// A `$BROWSER` for the wizard that plays a person's browser with curl: it opens the sign-in URL,
/// follows the sandbox consent page's redirect to the callback (the wizard's loopback listener),
/// and records the address it landed on and the page it got there.
struct ScriptedBrowser {
    /// A directory of its own: the script, and what it recorded.
    let directory: URL

    /// Writes the script into a new temporary directory.
    ///
    /// A child shell writes it: were this process to open it for writing, a child forked meanwhile
    /// by another test could hold that descriptor, and starting the script would fail with
    /// "Text file busy".
    static func make() async throws -> ScriptedBrowser {
        let browser = try ScriptedBrowser()
        let written = try await Command.run("/bin/sh", ["-c", "cat > \"$1\" && chmod 700 \"$1\"", "sh", browser.command.path], stdin: Data(try browser.script().utf8))
        guard written.status == 0 else { throw TmuxSession.Timeout(description: "cannot write \(browser.command.path): \(written.stderr)") }
        return browser
    }

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ocw-browser-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The script's text: curl from PATH, its output into the directory.
    private func script() throws -> String {
        let curl = try Executables.inPath("curl")
        return """
            #!/bin/sh
            # Plays the browser: the sign-in URL, then wherever its redirect leads.
            '\(curl)' --silent --location --max-time 20 --output '\(directory.path)/page.html' --write-out '%{url_effective}' "$1" > '\(directory.path)/landed.tmp' && mv '\(directory.path)/landed.tmp' '\(directory.path)/landed'
            """
    }

    /// The script, for `BROWSER`.
    var command: URL { directory.appendingPathComponent("browser.sh") }

    /// The address the browser landed on (the callback with the code), once it has; waits up to `timeout`.
    func landedAddress(timeout: Duration = .seconds(45)) async throws -> String {
        let file = directory.appendingPathComponent("landed")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8) { return text }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TmuxSession.Timeout(description: "the scripted browser landed nowhere within \(timeout)")
    }

    /// The page the listener answered the browser with.
    var page: String { (try? String(contentsOf: directory.appendingPathComponent("page.html"), encoding: .utf8)) ?? "" }

    /// Removes the directory.
    func remove() { try? FileManager.default.removeItem(at: directory) }
}
