import SystemPorts
import SystemTesting
import Testing
@testable import System

/// Which browser is started, with what: the URL as the only argument, the environment it is given.
@Suite("Desktop browser")
struct DesktopBrowserTests {
    private let child = ProcessEnvironment(values: ["PATH": "/usr/bin", "DISPLAY": ":0"])

    @Test("$BROWSER wins; the URL is its only argument, with the environment it was given, detached")
    func browserVariable() throws {
        let processes = InMemoryProcesses()
        let browser = DesktopBrowser(environment: ProcessEnvironment(values: ["BROWSER": "firefox", "DISPLAY": ":0"]), launcher: processes, childEnvironment: child)
        #expect(browser.isAvailable)
        try browser.open("https://login.example.com/authorize?client_id=x&state=y")
        #expect(processes.started == [InMemoryProcesses.Launch(
            request: LaunchRequest(program: "firefox", arguments: ["https://login.example.com/authorize?client_id=x&state=y"], environment: child),
            detached: true)])
    }

    @Test("Under WSL (WSL_DISTRO_NAME) wslview opens the Windows browser, even with WSLg's display; $BROWSER still wins")
    func wsl() throws {
        let processes = InMemoryProcesses()
        try DesktopBrowser(environment: ProcessEnvironment(values: ["WSL_DISTRO_NAME": "Ubuntu", "DISPLAY": ":0"]), launcher: processes, childEnvironment: child).open("https://a.example")
        try DesktopBrowser(environment: ProcessEnvironment(values: ["WSL_DISTRO_NAME": "Ubuntu", "BROWSER": "firefox"]), launcher: processes, childEnvironment: child).open("https://a.example")
        #expect(processes.started.map(\.request.program) == ["wslview", "firefox"])
    }

    @Test("a display means xdg-open; no display and no $BROWSER means no browser, with a reason")
    func display() throws {
        let processes = InMemoryProcesses()
        try DesktopBrowser(environment: ProcessEnvironment(values: ["WAYLAND_DISPLAY": "wayland-0"]), launcher: processes, childEnvironment: child).open("https://a.example")
        #expect(processes.started.map(\.request.program) == ["xdg-open"])
        let headless = DesktopBrowser(environment: ProcessEnvironment(values: ["DISPLAY": ""]), launcher: processes, childEnvironment: child)
        #expect(!headless.isAvailable)
        #expect(throws: BrowserFailure(reason: "No display here (an SSH session?), so no browser can be opened.")) { try headless.open("https://a.example") }
        #expect(processes.started.count == 1)
    }
}
