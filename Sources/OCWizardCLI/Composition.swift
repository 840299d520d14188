import LineUI
import OpenConnectors
import System
import SystemPorts
import Wizard

/// The ports a run uses: every call into the operating system goes through one of them.
///
/// `Composition.live()` builds the real adapters (target `System`); tests build in-memory ones
/// (target `SystemTesting`) and run the same commands in-process.
struct Ports: Sendable {
    /// The environment, read once.
    var environment: ProcessEnvironment
    /// Reading and writing files.
    var files: any FileAccess
    /// Starting child processes (the embedded sandbox).
    var processes: any ProcessLauncher
    /// The standard streams and the terminal's echo.
    var terminal: any TerminalDevice
    /// Opening the sign-in page.
    var browser: any BrowserOpening
    /// Unguessable bytes.
    var random: any RandomSource
    /// Listening for the browser's redirect on a loopback callback.
    var loopback: any LoopbackListening = SystemLoopbackListener()
    /// The small HTTP server of the webhook receiver (`events listen`): the same code as `loopback`.
    var httpServer: any HTTPServing = SystemLoopbackListener()
    /// Ctrl-C for a command that runs until stopped.
    var interrupts: any InterruptWaiting = SystemInterrupts()

    /// The variables a child process must never see: every secret's (the environment is readable
    /// by the child and, through /proc, by its user's other processes).
    static let secretVariables: Set<String> = Set(ParameterTable.all.filter(\.isSecret).compactMap(\.environmentVariable))

    /// The environment a child process gets: this one without any secret.
    static func childEnvironment(of environment: ProcessEnvironment) -> ProcessEnvironment {
        environment.removing(secretVariables)
    }
}

/// The composition root: the one place that builds the real adapters.
enum Composition {
    /// The real ports of this process.
    static func live() -> Ports {
        wire(environment: .current(), files: SystemFiles(), processes: SystemProcesses(), terminal: SystemTerminal(), random: SystemRandom())
    }

    /// The ports over these adapters; the browser is started through `processes`, never with a secret in its environment.
    static func wire(environment: ProcessEnvironment, files: any FileAccess, processes: any ProcessLauncher,
                     terminal: any TerminalDevice, random: any RandomSource) -> Ports {
        let browser = DesktopBrowser(environment: environment, launcher: processes, childEnvironment: Ports.childEnvironment(of: environment))
        return Ports(environment: environment, files: files, processes: processes, terminal: terminal, browser: browser, random: random)
    }
}

extension Ports {
    /// Why this run may not draw a full screen, or `nil` when stdin and stdout are terminals that can draw.
    var reasonNoScreen: String? {
        if !terminal.isTerminal(.input) { return "standard input is not a terminal" }
        if !terminal.isTerminal(.output) { return "standard output is not a terminal" }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return "TERM is \(term.isEmpty ? "not set" : "dumb")" }
        return nil
    }

    /// The address this machine was reached on over SSH (`SSH_CONNECTION`'s server address, or
    /// `HOST` when only `SSH_TTY` tells of a session), or `nil` when the session is local.
    var sshHost: String? {
        if let connection = environment["SSH_CONNECTION"] {
            let fields = connection.split(separator: " ")
            if fields.count >= 3 { return fields[2].contains(":") ? "[\(fields[2])]" : String(fields[2]) }
        }
        return environment["SSH_TTY"] != nil || environment["SSH_CONNECTION"] != nil ? "HOST" : nil
    }

    /// Whether `NO_COLOR` asks for no colour (any non-empty value).
    var noColor: Bool { environment["NO_COLOR"] != nil }

    /// Writes `contents` with mode 0600 to the absolute path `typed` stands for (`~/` is `$HOME`, a
    /// relative path is under the working directory) and returns that path, which is also the one
    /// any failure names. Without `overwrite`, an existing file is left alone and reported.
    func writePrivate(_ contents: String, to typed: String, overwrite: Bool) -> Result<String, SaveFailure> {
        guard let path = ResultFile.absolutePath(typed, home: environment["HOME"], currentDirectory: files.currentDirectory()) else {
            let reason = typed.hasPrefix("~") ? "HOME is not set, so ~ cannot be expanded; type the full path instead."
                                              : "the current directory cannot be read; type the full path instead."
            return .failure(.failed(path: typed, reason: reason))
        }
        return files.writePrivate(contents, to: path, overwrite: overwrite)
    }
}

extension TerminalDevice {
    /// Writes a line to standard error, control characters but newline and tab made visible.
    func printError(_ text: String) { write(TextSafety.visibleLines(text) + "\n", to: .error) }

    /// Writes a line to standard output, control characters but newline and tab made visible.
    func printOutput(_ text: String) { write(TextSafety.visibleLines(text) + "\n", to: .output) }

    /// Writes UTF-8 `bytes` and a newline to standard output; when they hold a control character,
    /// as `printOutput(_:)` does (a 4 MB listing is written without copying it into a `String`).
    func printOutput(bytes: [UInt8]) {
        guard !bytes.withUnsafeBufferPointer({ TextSafety.holdsControl(bytes: $0, keepingLayout: true) }) else {
            return printOutput(String(decoding: bytes, as: UTF8.self))
        }
        write(bytes: bytes, to: .output)
        write("\n", to: .output)
    }
}
