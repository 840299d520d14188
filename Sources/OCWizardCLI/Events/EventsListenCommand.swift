import ArgumentParser
import FoundationEssentials
import OpenConnectors
import Synchronization
import SystemPorts
import WebhookSigning

/// `ocwizard events listen`: a local webhook receiver that checks every signature.
struct EventsListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receive webhook events locally: check each signature, answer at once, print each notification.",
        discussion: """
            Answers 200 at once to a notification whose Elements-Webhook-Signature matches the key \
            (OC_SIGNATURE_KEY or --secrets-file) and 401 to one that does not, and prints each: time, \
            event id, instance, and every event's eventType, objectType and objectId. Listens on \
            127.0.0.1 unless --host says otherwise (behind a tunnel, or with the sandbox). Ctrl-C stops it.

            Examples:
              ocwizard events listen --port 8787 --path /events
              ocwizard events listen --json > events.jsonl
            """
    )

    @Option(help: ArgumentHelp("The TCP port to listen on.", valueName: "port"))
    var port: Int = 8787

    @Option(help: ArgumentHelp("Serve only this path, such as /events (default: any path).", valueName: "path"))
    var path: String?

    @Option(help: ArgumentHelp("The address to listen on; another than 127.0.0.1 exposes the receiver to the network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(help: "One JSON line per request, with the raw body.")
    var json = false

    @Option(help: ArgumentHelp("Stop after this many genuine notifications (default: run until Ctrl-C).", valueName: "n"))
    var count: Int?

    @OptionGroup var keyOptions: SignatureKeyOptions

    /// The largest request head read (request line and headers).
    static let maximumHeadBytes = 16 * 1024

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port: \(port) is not a TCP port; give 1–65535, such as 8787.") }
        if let path, !path.hasPrefix("/") { throw ValidationError("--path: \(path) must start with /, such as /events.") }
        if let count, count < 1 { throw ValidationError("--count: give 1 or more.") }
    }

    func run() async throws {
        throw ExitCode(await run(ports: Composition.live()).rawValue)
    }

    /// Receives through `ports` until Ctrl-C, `--count`, or a failure to listen; returns the exit status.
    func run(ports: Ports) async -> ExitStatus {
        let console = ports.terminal
        guard let key = keyOptions.keyOrReport(ports: ports) else { return .invalidInput }
        let receiver = WebhookReceiver(key: key, path: path)
        let genuine = Atomic<Int>(0)
        let limits = HTTPServerLimits(maximumHeadBytes: Self.maximumHeadBytes, maximumBodyBytes: maximumNotificationBytes, timeLimit: 10_000)
        let endpoint = LoopbackEndpoint(address: host, port: port)
        let shown = host.contains(":") ? "[\(host)]" : host
        let (json, count) = (json, count)
        let answer = { @Sendable (request: HTTPServerRequest) -> HTTPServerReply in
            do throws(CryptoUnavailable) {
                let delivery = try receiver.receive(request, at: Date().ISO8601Format())
                let total = delivery.status == 200 ? genuine.add(1, ordering: .relaxed).newValue : genuine.load(ordering: .relaxed)
                if json { console.write(delivery.jsonLine + "\n", to: .output) } else { delivery.humanLines.forEach(console.printOutput) }
                return HTTPServerReply(status: delivery.status, body: Array(delivery.replyText.utf8), ends: count.map { total >= $0 } ?? false)
            } catch {
                console.printError("ocwizard: \(error.reason)")
                return HTTPServerReply(status: 500, body: Array("cannot check signatures\n".utf8), ends: true)
            }
        }
        let ready = { @Sendable in
            console.printError("Listening for webhook events on http://\(shown):\(endpoint.port)\(path ?? "/") (signatures checked with \(keyOptions.secretsFile == nil ? SignatureKeyOptions.variable : "the key in the secrets file")); Ctrl-C stops.")
        }
        // Ctrl-C is caught before the first connection can arrive.
        let (armed, arm) = AsyncStream<Void>.makeStream()
        let ended = await withTaskGroup(of: ListenEnd?.self) { group in
            group.addTask { await ports.interrupts.nextInterrupt(armed: { arm.finish() }) == 0 ? nil : .interrupted }
            group.addTask {
                for await _ in armed {}
                do throws(ListenFailure) {
                    try await ports.httpServer.serveHTTP(endpoint, limits: limits, ready: ready, answer: answer)
                    return .finished
                } catch { return .failed(error) }
            }
            var first: ListenEnd?
            for await result in group where result != nil {
                first = result
                break
            }
            group.cancelAll()
            return first ?? .finished
        }
        let received = genuine.load(ordering: .relaxed)
        switch ended {
        case .failed(let failure):
            console.printError("ocwizard: cannot listen on \(shown):\(port): \(Self.reason(failure))")
            return .failure
        case .finished:
            console.printError("Stopped after \(received) genuine notification\(received == 1 ? "" : "s").")
            return .success
        case .interrupted:
            console.printError("Stopped (Ctrl-C); \(received) genuine notification\(received == 1 ? "" : "s") received.")
            return .success
        }
    }

    /// Why listening failed, with what to do, in the receiver's words (the port's own reasons speak of the sign-in).
    static func reason(_ failure: ListenFailure) -> String {
        switch failure {
        case .portInUse: "the port is in use by another program; pick another with --port."
        case .permissionDenied: "ports below 1024 need administrator rights; pick one above 1024 with --port."
        case .other(let detail): "\(detail); check --host and --port."
        }
    }
}

/// How listening ended.
private enum ListenEnd: Sendable {
    case finished, interrupted
    case failed(ListenFailure)
}
