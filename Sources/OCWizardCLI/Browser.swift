import Glibc
import Wizard

/// Opens a URL in the user's browser when this session has a display.
enum Browser {
    /// The command that opens a browser here: `$BROWSER`, or `xdg-open` when there is a display.
    private static var command: String? {
        let environment = ProcessEnvironment.current()
        if let browser = environment["BROWSER"] { return browser }
        return environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil ? "xdg-open" : nil
    }

    /// Whether a browser can be opened in this session.
    static var isAvailable: Bool { command != nil }

    /// Starts the browser with the URL, detached; fails with a reason when there is no display.
    static func open(_ url: String) -> Result<Done, BrowserFailure> {
        guard let command else {
            return .failure(BrowserFailure(reason: "No display here (an SSH session?), so no browser can be opened."))
        }
        guard let pid = ChildProcess.spawn(command, [url]) else {
            return .failure(BrowserFailure(reason: "Could not start \(command)."))
        }
        // Reap it in the background so no zombie is left behind.
        Thread.detach { var status: Int32 = 0; waitpid(pid, &status, 0) }
        return .success(Done())
    }
}

/// A tiny detached-thread helper (no Foundation).
enum Thread {
    /// Runs `body` on a new detached thread.
    static func detach(_ body: @escaping @Sendable () -> Void) {
        final class Box: @unchecked Sendable { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        pthread_create(&thread, nil, { pointer in
            let box = Unmanaged<Box>.fromOpaque(pointer!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        pthread_detach(thread)
    }
}
