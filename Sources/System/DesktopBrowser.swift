import SystemPorts

/// Opens web pages with `$BROWSER`; under WSL with `wslview` (the Windows browser); else with
/// `xdg-open` when the session has a display.
public struct DesktopBrowser: BrowserOpening {
    private let command: String?
    private let launcher: any ProcessLauncher
    private let childEnvironment: ProcessEnvironment

    /// A browser chosen from `environment`, started through `launcher` with `childEnvironment`
    /// (which the caller has cleared of secrets).
    public init(environment: ProcessEnvironment, launcher: any ProcessLauncher, childEnvironment: ProcessEnvironment) {
        if let browser = environment["BROWSER"] {
            command = browser
        } else if environment["WSL_DISTRO_NAME"] != nil {
            // WSL: Linux has no browser of its own; wslview (wslu) opens the Windows default one.
            command = "wslview"
        } else {
            command = environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil ? "xdg-open" : nil
        }
        self.launcher = launcher
        self.childEnvironment = childEnvironment
    }

    public var isAvailable: Bool { command != nil }

    public func open(_ url: String) throws(BrowserFailure) {
        guard let command else {
            throw BrowserFailure(reason: "No display here (an SSH session?), so no browser can be opened.")
        }
        do {
            try launcher.startDetached(LaunchRequest(program: command, arguments: [url], environment: childEnvironment))
        } catch {
            throw BrowserFailure(reason: "Could not start \(command).")
        }
    }
}
