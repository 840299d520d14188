import Synchronization
import Wizard

/// A screen program the loop can run: a pure state machine and how it draws.
public protocol LoopProgram {
    /// Handles one event; returns the effects to run.
    mutating func update(_ event: WizardEvent) -> [Effect]
    /// Draws the state into a buffer of the given size.
    func render(width: Int, height: Int, theme: Theme) -> CellBuffer
    /// Whether a request is in flight.
    var isBusy: Bool { get }
}

extension CreateWizard: LoopProgram {
    public func render(width: Int, height: Int, theme: Theme) -> CellBuffer {
        WizardView(theme: theme).render(self, width: width, height: height)
    }

    public var isBusy: Bool { busy != nil }
}

/// How a run of the loop ended.
public struct LoopOutcome: Sendable, Equatable {
    /// The exit status.
    public var status: Int32
    /// Whether the program asked to go on with the create wizard.
    public var startCreate: Bool
}

/// The one loop that owns all side effects: input → update → render → present → run effects.
public final class WizardLoop<Program: LoopProgram> {
    private var program: Program
    private let terminal: any TerminalBackend
    private let performer: any EffectPerformer
    private let theme: Theme
    private let inbox = Inbox()
    private var inFlight: Task<Void, Never>?
    /// Whether a sign-in listener was ever started (it is stopped when the loop ends).
    private var startedListener = false
    private var outcome: LoopOutcome?
    private var lastFrame: CellBuffer?
    /// How long to wait for a key before ticking (spinner speed).
    private let tickMilliseconds: Int

    /// A loop over `program`, drawing on `terminal` and running effects with `performer`.
    public init(program: Program, terminal: any TerminalBackend, performer: any EffectPerformer, theme: Theme, tickMilliseconds: Int = 80) {
        self.program = program
        self.terminal = terminal
        self.performer = performer
        self.theme = theme
        self.tickMilliseconds = tickMilliseconds
    }

    /// How many effect results one turn of the loop handles before it reads input again.
    static var resultsPerTurn: Int { 4 }

    /// The program's state now.
    public var current: Program { program }

    /// Runs until the program quits or a signal arrives.
    public func run() -> LoopOutcome {
        apply(program.update(.tick(.now)))
        draw()
        while outcome == nil {
            // A few results per turn, so keys and signals are read between the pages of a long
            // listing; while results wait, input is only polled.
            for result in inbox.take(upTo: Self.resultsPerTurn) { apply(program.update(.response(result))) }
            if let input = terminal.nextInput(timeoutMilliseconds: inbox.isEmpty ? tickMilliseconds : 0) {
                switch input {
                case .key(let key) where !isTooSmall || key == .control("c"): apply(program.update(.key(key)))
                case .paste(let text) where !isTooSmall: apply(program.update(.paste(text)))
                case .key, .paste: break  // the form is hidden behind "terminal too small": nothing acts on it blind
                case .resize: lastFrame = nil
                case .signal(let number): outcome = LoopOutcome(status: 128 + number, startCreate: false)
                }
            }
            apply(program.update(.tick(.now)))
            draw()
        }
        inFlight?.cancel()
        if startedListener {
            // A listener of the sign-in must not outlive the screen.
            let performer = self.performer
            Task { await performer.perform(.stopListening) { _ in } }
        }
        return outcome ?? LoopOutcome(status: 0, startCreate: false)
    }

    /// Whether the terminal is below the size the screens draw in (they show a notice instead).
    private var isTooSmall: Bool {
        let size = terminal.size
        return size.width < WizardView.minimumWidth || size.height < WizardView.minimumHeight
    }

    private func draw() {
        let size = terminal.size
        let frame = program.render(width: size.width, height: size.height, theme: theme)
        let rows = frame.changedRows(since: lastFrame)
        if let lastFrame, rows.isEmpty, frame.cursorEqual(lastFrame) { return }
        terminal.present(frame, changedRows: rows)
        lastFrame = frame
    }

    private func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit(let status):
                outcome = LoopOutcome(status: status, startCreate: false)
            case .startCreate:
                outcome = LoopOutcome(status: 0, startCreate: true)
            case .cancelRequest:
                inFlight?.cancel()
            case .copyToClipboard(let text):
                terminal.copyToClipboard(text)
                apply(program.update(.response(.clipboardCopied)))
            default:
                if case .listenForRedirect = effect { startedListener = true }
                let performer = self.performer
                let inbox = self.inbox
                let task = Task { await performer.perform(effect) { inbox.post($0) } }
                if effect.isRequest { inFlight = task }
            }
        }
    }
}

extension Effect {
    /// Whether Esc should cancel this effect.
    var isRequest: Bool {
        switch self {
        case .verifyCredentials, .fetchAuthorizationURL, .simulateSignIn, .createInstance, .findInstances, .listInstances, .loadInstance,
             .reauthenticate, .enableInstance, .deleteInstance: true
        default: false
        }
    }
}

/// Results of finished effects, handed from effect tasks to the loop.
final class Inbox: Sendable {
    private let results = Mutex<[EffectResult]>([])

    /// Adds a result.
    func post(_ result: EffectResult) { results.withLock { $0.append(result) } }

    /// Removes and returns up to `count` waiting results, oldest first.
    func take(upTo count: Int) -> [EffectResult] {
        results.withLock { pending in
            let taken = Array(pending.prefix(count))
            pending.removeFirst(taken.count)
            return taken
        }
    }

    /// Whether no result is waiting.
    var isEmpty: Bool { results.withLock { $0.isEmpty } }
}
