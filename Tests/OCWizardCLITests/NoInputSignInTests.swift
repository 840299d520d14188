import CurlTransport
import Foundation
import OpenConnectors
import SystemPorts
import SystemTesting
import Testing
@testable import OCWizardCLI

/// `create --no-input` with a loopback callback and no code: the sign-in URL on standard error,
/// then a wait for the browser (played here by libcurl) to come back to the listener.
@Suite("create --no-input signs in through the browser")
struct NoInputSignInTests {
    /// A batch create against `sandbox` with the loopback `callback` and no code.
    static func create(_ sandbox: TestSandbox, callback: String, code: String? = nil, wait: Duration = BatchSignIn.codeLifetime) -> (BatchCreate, InMemoryPorts) {
        let fake = InMemoryPorts(environment: TestSandbox.secretEnvironment.merging(["HOME": "/home/alice"]) { $1 })
        var flags: [ParameterID: String] = [.baseURL: sandbox.baseURL, .apiKey: TestSandbox.clientID, .callbackURL: callback, .name: "by-browser"]
        if let code { flags[.code] = code }
        let values = ValueSources(flags: flags, environment: fake.ports.environment, profile: nil, secrets: [:])
        var batch = BatchCreate(values: values, connection: ConnectionSettings(), json: false, dryRun: false, sandboxURL: nil, ports: fake.ports)
        batch.signInWait = wait
        return (batch, fake)
    }

    /// The sign-in URL once the run has printed it on standard error.
    static func printedSignInURL(_ fake: InMemoryPorts) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = fake.terminal.error.split(separator: "\n").first(where: { $0.contains("/sandbox/authorize?") }) { return String(line) }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CancellationError()
    }

    /// The `state` in a URL's query.
    static func state(in url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first { $0.name == "state" }?.value
    }

    @Test("The URL goes to stderr; the browser's return brings the code and the instance is created with it")
    func browserBringsTheCode() async throws {
        let sandbox = try await TestSandbox.start()
        let callback = "http://127.0.0.1:\(freeLoopbackPort())/callback"
        let (batch, fake) = Self.create(sandbox, callback: callback)
        let run = Task { await batch.run() }
        let url = try await Self.printedSignInURL(fake)
        #expect(fake.terminal.error.contains("waiting up to 10 minutes for it to come back to \(callback)"))
        #expect(fake.terminal.output.isEmpty, "the sign-in URL belongs on standard error")
        let browser = CurlTransport()
        let consent = try await browser.send(HTTPRequest(method: "GET", url: url))
        let location = try #require(consent.header("Location"))
        // The URL is printed once the listener listens: the browser's first try lands.
        let landing = try await browser.send(HTTPRequest(method: "GET", url: location))
        #expect(landing.status == 200)
        #expect(await run.value == .success, "\(fake.terminal.error)")
        #expect(fake.terminal.output.contains("by-browser"))
        let stored = try await sandbox.instances()
        #expect(stored.count == 1)
        await sandbox.server.stop()
    }

    @Test("recover --reauthenticate --no-input with a loopback --callback-url and no code signs in through the browser")
    func reauthenticateThroughTheBrowser() async throws {
        let sandbox = try await TestSandbox.start()
        let callback = "http://127.0.0.1:\(freeLoopbackPort())/callback"
        // An instance to renew, made with a first sign-in.
        let (first, created) = Self.create(sandbox, callback: TestSandbox.callbackURL, code: try await sandbox.signIn())
        #expect(await first.run() == .success, "\(created.terminal.error)")
        let instance = try #require(try await sandbox.instances().first)
        let id = try #require(instance["id"] as? Int)
        let oldToken = instance["token"] as? String

        let fake = InMemoryPorts(environment: TestSandbox.secretEnvironment.merging(["HOME": "/home/alice"]) { $1 })
        let values = ValueSources(flags: [.baseURL: sandbox.baseURL, .apiKey: TestSandbox.clientID, .callbackURL: callback], environment: fake.ports.environment, profile: nil, secrets: [:])
        let recover = NonInteractiveRecover(values: values, connection: ConnectionSettings(), query: .init(id: id, name: nil, tags: []), json: true, reauthenticate: true, ports: fake.ports)
        let run = Task { await recover.run() }
        let url = try await Self.printedSignInURL(fake)
        let browser = CurlTransport()
        let location = try #require(try await browser.send(HTTPRequest(method: "GET", url: url)).header("Location"))
        #expect(location.hasPrefix(callback + "?code="))
        #expect(try await browser.send(HTTPRequest(method: "GET", url: location)).status == 200)
        #expect(await run.value == .success, "\(fake.terminal.error)")
        let renewed = try #require(try await sandbox.instances().first { $0["id"] as? Int == id })
        #expect(renewed["token"] as? String != oldToken)
        await sandbox.server.stop()
    }

    /// Plays the browser for a printed sign-in URL: the consent page, then its redirect to the listener.
    static func playBrowser(_ fake: InMemoryPorts) async throws {
        let url = try await Self.printedSignInURL(fake)
        let browser = CurlTransport()
        let location = try #require(try await browser.send(HTTPRequest(method: "GET", url: url)).header("Location"))
        #expect(try await browser.send(HTTPRequest(method: "GET", url: location)).status == 200)
    }

    @Test("recover --reauthenticate --no-input without a code or --callback-url uses the instance's own loopback callback; a non-loopback one needs a code (exit 2)")
    func reauthenticateWithTheInstancesCallback() async throws {
        let sandbox = try await TestSandbox.start()
        let callback = "http://127.0.0.1:\(freeLoopbackPort())/callback"
        let (first, created) = Self.create(sandbox, callback: callback)
        let creating = Task { await first.run() }
        try await Self.playBrowser(created)
        #expect(await creating.value == .success, "\(created.terminal.error)")
        let instance = try #require(try await sandbox.instances().first)
        let id = try #require(instance["id"] as? Int)
        let oldToken = instance["token"] as? String

        let fake = InMemoryPorts(environment: TestSandbox.secretEnvironment.merging(["HOME": "/home/alice"]) { $1 })
        let values = ValueSources(flags: [.baseURL: sandbox.baseURL, .apiKey: TestSandbox.clientID], environment: fake.ports.environment, profile: nil, secrets: [:])
        let recover = NonInteractiveRecover(values: values, connection: ConnectionSettings(), query: .init(id: id, name: nil, tags: []), json: true, reauthenticate: true, ports: fake.ports)
        let run = Task { await recover.run() }
        let port = try #require(callback.split(separator: ":").last?.split(separator: "/").first)
        #expect(try await Self.printedSignInURL(fake).contains("%3A\(port)%2Fcallback"), "the instance's own callback is the one listened on")
        try await Self.playBrowser(fake)
        #expect(await run.value == .success, "\(fake.terminal.error)")
        let renewed = try #require(try await sandbox.instances().first { $0["id"] as? Int == id })
        #expect(renewed["token"] as? String != oldToken)

        // An instance whose callback is not a loopback one: no listening, a clear refusal.
        let (other, otherPorts) = Self.create(sandbox, callback: TestSandbox.callbackURL, code: try await sandbox.signIn())
        #expect(await other.run() == .success, "\(otherPorts.terminal.error)")
        let otherID = try #require(try await sandbox.instances().compactMap { $0["id"] as? Int }.max())
        let refused = InMemoryPorts(environment: TestSandbox.secretEnvironment.merging(["HOME": "/home/alice"]) { $1 })
        let refusedValues = ValueSources(flags: [.baseURL: sandbox.baseURL, .apiKey: TestSandbox.clientID], environment: refused.ports.environment, profile: nil, secrets: [:])
        let status = await NonInteractiveRecover(values: refusedValues, connection: ConnectionSettings(), query: .init(id: otherID, name: nil, tags: []), json: true,
                                                 reauthenticate: true, ports: refused.ports).run()
        #expect(status == .invalidInput)
        #expect(refused.terminal.error.contains("a grant code is needed: the instance's callback URL is not a loopback one"), "\(refused.terminal.error)")
        await sandbox.server.stop()
    }

    @Test("error= from the browser ends the run with status 3 and Microsoft's reason; nothing is created")
    func refusalEndsTheRun() async throws {
        let sandbox = try await TestSandbox.start()
        let callback = "http://127.0.0.1:\(freeLoopbackPort())/callback"
        let (batch, fake) = Self.create(sandbox, callback: callback)
        let run = Task { await batch.run() }
        let url = try await Self.printedSignInURL(fake)
        let state = try #require(Self.state(in: url))
        let browser = CurlTransport()
        let refused = try await browser.send(HTTPRequest(method: "GET", url: "\(callback)?error=access_denied&error_description=The+user+declined.&state=\(state)"))
        #expect(refused.status == 400)
        #expect(await run.value == .serviceRefused)
        #expect(fake.terminal.error.contains("the sign-in came back without a code") && fake.terminal.error.contains("access_denied"))
        #expect(try await sandbox.instances().isEmpty)
        await sandbox.server.stop()
    }

    @Test("A port in use: status 1, the port named, and how to pass the code instead")
    func portInUse() async throws {
        let sandbox = try await TestSandbox.start()
        let port = freeLoopbackPort()
        let holder = Task { try await InMemoryPorts().ports.loopback.serve(LoopbackEndpoint(address: "127.0.0.1", port: port), ready: {}) { _ in LoopbackReply(status: 404, html: "", ends: false) } }
        let deadline = ContinuousClock.now + .seconds(20)
        while (try? await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/"))) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let (batch, fake) = Self.create(sandbox, callback: "http://127.0.0.1:\(port)/callback")
        #expect(await batch.run() == .failure)
        #expect(fake.terminal.error.contains("Port \(port) is already in use") && fake.terminal.error.contains("OC_CODE"))
        holder.cancel()
        _ = try? await holder.value
        await sandbox.server.stop()
    }

    @Test("Nothing comes back within the wait: status 1, what to do, and the port is free again")
    func timesOut() async throws {
        let sandbox = try await TestSandbox.start()
        let port = freeLoopbackPort()
        let (batch, fake) = Self.create(sandbox, callback: "http://127.0.0.1:\(port)/callback", wait: .milliseconds(300))
        #expect(await batch.run() == .failure)
        #expect(fake.terminal.error.contains("no sign-in came back within"))
        #expect(fake.terminal.error.contains("OC_CODE"))
        #expect((try? await CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(port)/callback"))) == nil)
        #expect(try await sandbox.instances().isEmpty)
        await sandbox.server.stop()
    }
}
