import Foundation
import OpenConnectors
import SystemPorts
import SystemTesting
import Testing
import Wizard
@testable import OCWizardCLI

/// What the CLI does through its ports, checked in-process with the in-memory versions.
@Suite("Ports: children, files, browser, prompts")
struct PortsTests {
    /// Secrets as the environment holds them.
    private static let secretEnvironment = [
        "OC_USER_SECRET": "user-secret-value", "OC_ORG_SECRET": "org-secret-value", "OC_API_SECRET": "client-secret-value",
        "OC_SIGNATURE_KEY": "signature-key-value-123", "OC_CODE": "grant-code-value-0123456789",
    ]

    @Test("the embedded sandbox child gets no secret in its argv or environment; other variables pass")
    func sandboxChildHasNoSecret() throws {
        let processes = InMemoryProcesses(firstLine: "listening on http://127.0.0.1:40404/elements/api-v2",
                                          executables: ["/opt/ocwizard/bin/ocwizard-sandbox"])
        let fake = InMemoryPorts(environment: Self.secretEnvironment.merging(["PATH": "/usr/bin", "LANG": "C.UTF-8"]) { $1 }, processes: processes)
        let sandbox = try SandboxProcess(ports: fake.ports)
        #expect(sandbox.baseURL == "http://127.0.0.1:40404/elements/api-v2")
        let launch = try #require(processes.started.first)
        #expect(!launch.detached)
        #expect(launch.request.program == "/opt/ocwizard/bin/ocwizard-sandbox")
        #expect(launch.request.arguments == ["--port", "0", "--exit-on-stdin-eof"])
        #expect(launch.request.environment.values == ["PATH": "/usr/bin", "LANG": "C.UTF-8"])
        for secret in Self.secretEnvironment.values {
            #expect(!launch.request.arguments.joined(separator: " ").contains(secret))
            #expect(!launch.request.environment.values.values.contains(secret))
        }
        sandbox.stop()
        #expect(processes.children.first?.wasStopped == true)
    }

    @Test("the composition starts the browser with the sign-in URL only, and without the secrets in its environment")
    func browserChildHasNoSecret() async throws {
        let processes = InMemoryProcesses()
        let ports = Composition.wire(environment: ProcessEnvironment(values: Self.secretEnvironment.merging(["BROWSER": "firefox", "DISPLAY": ":0"]) { $1 }),
                                     files: InMemoryFiles(), processes: processes, terminal: ScriptedTerminal(), random: CountingRandom())
        let url = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=s"
        #expect(await LiveEffects(transport: UnusedTransport(), ports: ports).results(of: .openBrowser(url: url)) == [.browserOpened(.success(Done()))])
        let launch = try #require(processes.started.first)
        #expect(launch.detached)
        #expect(launch.request.program == "firefox")
        #expect(launch.request.arguments == [url])
        #expect(launch.request.environment.values == ["BROWSER": "firefox", "DISPLAY": ":0"])
    }

    @Test("every secret's variable is kept from children, and only those")
    func childEnvironment() {
        #expect(Ports.secretVariables == ["OC_USER_SECRET", "OC_ORG_SECRET", "OC_API_SECRET", "OC_SIGNATURE_KEY", "OC_CODE"])
        let environment = ProcessEnvironment(values: Self.secretEnvironment.merging(["OC_API_KEY": "client-id", "HOME": "/home/a"]) { $1 })
        #expect(Ports.childEnvironment(of: environment).values == ["OC_API_KEY": "client-id", "HOME": "/home/a"])
    }

    @Test("a sandbox that does not say where it listens is stopped and reported; a missing one is named")
    func sandboxStartFailures() {
        let silent = InMemoryProcesses(firstLine: "panic", executables: ["/opt/ocwizard/bin/ocwizard-sandbox"])
        #expect(throws: SandboxProcess.StartFailure.self) { try SandboxProcess(ports: InMemoryPorts(processes: silent).ports) }
        #expect(silent.children.first?.wasStopped == true)
        let missing = InMemoryProcesses()
        do {
            _ = try SandboxProcess(ports: InMemoryPorts(processes: missing).ports)
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains("ocwizard-sandbox was not found (looked at /opt/ocwizard/bin/ocwizard-sandbox, /opt/ocwizard/libexec/ocwizard/ocwizard-sandbox)"))
        }
        #expect(missing.started.isEmpty)
    }

    @Test("an installed ocwizard starts the sandbox from PREFIX/libexec/ocwizard")
    func sandboxFromLibexec() throws {
        let installed = InMemoryProcesses(firstLine: "listening on http://127.0.0.1:1/elements/api-v2", executables: ["/opt/ocwizard/libexec/ocwizard/ocwizard-sandbox"])
        let sandbox = try SandboxProcess(ports: InMemoryPorts(processes: installed).ports)
        #expect(installed.started.map(\.request.program) == ["/opt/ocwizard/libexec/ocwizard/ocwizard-sandbox"])
        #expect(sandbox.baseURL == "http://127.0.0.1:1/elements/api-v2")
    }

    @Test("Open in browser hands the sign-in URL to the browser port; the key and state come from the random port")
    func effectsThroughPorts() async {
        let fake = InMemoryPorts()
        let effects = LiveEffects(transport: UnusedTransport(), ports: fake.ports)
        let url = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=s"
        #expect(await effects.results(of: .openBrowser(url: url)) == [.browserOpened(.success(Done()))])
        #expect(fake.browser.urls == [url])
        // Bytes 0…31 as base64, and 0…15 as hex.
        #expect(await effects.results(of: .generateSignatureKey) == [.signatureKeyGenerated("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")])
        #expect(Randomness(source: fake.ports.random).oauthState() == "000102030405060708090a0b0c0d0e0f")
    }

    @Test("Save to file: ~ and relative paths become absolute, written 0600; an existing file is reported")
    func saveFile() async {
        let files = InMemoryFiles(currentDirectory: "/work/here")
        let fake = InMemoryPorts(environment: ["HOME": "/home/alice"], files: files)
        let effects = LiveEffects(transport: UnusedTransport(), ports: fake.ports)
        #expect(await effects.results(of: .saveFile(path: "~/tok.json", contents: "{}", overwrite: false)) == [.fileSaved(.success("/home/alice/tok.json"))])
        #expect(files["/home/alice/tok.json"] == InMemoryFiles.File(contents: "{}", mode: 0o600))
        #expect(fake.ports.writePrivate("a", to: "./tok.json", overwrite: false) == .success("/work/here/tok.json"))
        #expect(fake.ports.writePrivate("b", to: "tok.json", overwrite: false) == .failure(.exists(path: "/work/here/tok.json")))
        #expect(files["/work/here/tok.json"]?.contents == "a")
    }

    @Test("~ without HOME, or a relative path without a working directory, is refused with what to type instead")
    func saveFileRefusals() {
        let fake = InMemoryPorts(files: InMemoryFiles(currentDirectory: nil))
        #expect(fake.ports.writePrivate("a", to: "~/tok.json", overwrite: false)
                == .failure(.failed(path: "~/tok.json", reason: "HOME is not set, so ~ cannot be expanded; type the full path instead.")))
        #expect(fake.ports.writePrivate("a", to: "tok.json", overwrite: false)
                == .failure(.failed(path: "tok.json", reason: "the current directory cannot be read; type the full path instead.")))
        #expect(fake.files.paths.isEmpty)
    }

    @Test("a secret is read with echo off, and echo comes back after it, also at end of input; other answers echo")
    func secretPromptEcho() {
        let terminal = ScriptedTerminal(input: ["plain answer", "typed-secret"])
        let prompter = TerminalPrompter(terminal: terminal)
        #expect(prompter.ask("Name: ") == "plain answer")
        #expect(prompter.askSecret("User secret: ") == "typed-secret")
        #expect(terminal.echoAtReads == [true, false])
        #expect(terminal.echo)
        #expect(terminal.output == "Name: User secret: \n", "the unechoed Enter is replaced by a newline")
        #expect(prompter.askSecret("Organization secret: ") == nil)
        #expect(terminal.echo, "echo is back after input ended during a secret")
    }

    /// A scripted terminal whose input is ready only when `ready` says so.
    final class WaitingTerminal: TerminalDevice {
        let base: ScriptedTerminal
        let ready: @Sendable () -> Bool
        init(_ base: ScriptedTerminal, ready: @escaping @Sendable () -> Bool) { self.base = base; self.ready = ready }
        func isTerminal(_ stream: StandardStream) -> Bool { base.isTerminal(stream) }
        func readLine() -> String? { base.readLine() }
        func readAllInput(limit: Int) -> [UInt8] { base.readAllInput(limit: limit) }
        func write(_ text: String, to stream: StandardStream) { base.write(text, to: stream) }
        func silenceEcho() -> Bool { base.silenceEcho() }
        func restoreEcho() { base.restoreEcho() }
        func waitForInput(milliseconds: Int) -> Bool { ready() }
    }

    @Test("a hidden question gives way when the browser comes back first, with echo back on; a typed line is read with echo off")
    func secretPromptGivesWay() {
        let idle = ScriptedTerminal(input: ["never-read"])
        let waiting = TerminalPrompter(terminal: WaitingTerminal(idle, ready: { false }))
        #expect(waiting.askSecret("Grant code: ", until: { true }) == .interrupted)
        #expect(idle.echo, "echo is back after the question gave way")
        #expect(idle.echoAtReads.isEmpty, "nothing was read")
        #expect(idle.output == "Grant code: \n")

        let typed = ScriptedTerminal(input: ["0.AXoA-code"])
        let answering = TerminalPrompter(terminal: WaitingTerminal(typed, ready: { true }))
        #expect(answering.askSecret("Grant code: ", until: { false }) == .line("0.AXoA-code"))
        #expect(typed.echoAtReads == [false])
        #expect(typed.echo)
        #expect(typed.output == "Grant code: \n")
    }

    @Test("through a pipe, secrets are read without touching echo and each answer ends its prompt's line")
    func secretPromptThroughPipe() {
        let terminal = ScriptedTerminal(input: ["piped-secret"], terminals: [.output, .error])
        #expect(TerminalPrompter(terminal: terminal).askSecret("User secret: ") == "piped-secret")
        #expect(terminal.echoAtReads == [true])
        #expect(terminal.output == "User secret: \n")
    }

    @Test("the screen needs terminals on stdin and stdout and a TERM that can draw")
    func reasonNoScreen() {
        #expect(InMemoryPorts(environment: ["TERM": "xterm"]).ports.reasonNoScreen == nil)
        #expect(InMemoryPorts(environment: ["TERM": "xterm"], terminals: [.output]).ports.reasonNoScreen == "standard input is not a terminal")
        #expect(InMemoryPorts(environment: ["TERM": "xterm"], terminals: [.input]).ports.reasonNoScreen == "standard output is not a terminal")
        #expect(InMemoryPorts(environment: ["TERM": "dumb"]).ports.reasonNoScreen == "TERM is dumb")
        #expect(InMemoryPorts(environment: ["TERM": ""]).ports.reasonNoScreen == "TERM is not set")
        #expect(InMemoryPorts(environment: ["NO_COLOR": "1"]).ports.noColor)
        #expect(!InMemoryPorts(environment: ["NO_COLOR": ""]).ports.noColor)
    }

    @Test("a group-readable secrets file is refused by its permission bits, before it is read")
    func secretsFileMode() throws {
        let files = InMemoryFiles(["/s.env": .init(contents: "OC_USER_SECRET=abc\n", mode: 0o640), "/t.env": .init(contents: "OC_USER_SECRET=abc\n", mode: 0o600)])
        #expect(throws: SecretsFile.Refusal.self) { try SecretsFile.load("/s.env", files: files) }
        #expect(try SecretsFile.load("/t.env", files: files) == ["OC_USER_SECRET": "abc"])
    }
}

/// A transport for tests whose effects never reach the network.
struct UnusedTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        Issue.record("no request expected, got \(request.method) \(request.url)")
        throw TransportError.cancelled
    }
}
