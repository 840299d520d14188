import Synchronization
import Wizard

/// Performs the effects that talk to the world (network, files, browser, randomness).
public protocol EffectPerformer: Sendable {
    /// Runs `effect` and returns its result as an event for the state machine.
    func perform(_ effect: Effect) async -> EffectResult?
}

/// The one loop that owns all side effects: input → update → render → present → run effects.
public final class WizardLoop {
    private var state: CreateWizard
    private let terminal: any TerminalBackend
    private let performer: any EffectPerformer
    private let view: WizardView
    private let inbox = Inbox()
    private var inFlight: Task<Void, Never>?
    private var exitStatus: Int32?
    private var lastFrame: CellBuffer?
    /// How long to wait for a key before ticking (spinner speed).
    private let tickMilliseconds: Int

    /// A loop over `state`, drawing on `terminal` and running effects with `performer`.
    public init(state: CreateWizard, terminal: any TerminalBackend, performer: any EffectPerformer, theme: Theme, tickMilliseconds: Int = 80) {
        self.state = state
        self.terminal = terminal
        self.performer = performer
        self.view = WizardView(theme: theme)
        self.tickMilliseconds = tickMilliseconds
    }

    /// The state now (for tests and for saving the profile after a successful run).
    public var currentState: CreateWizard { state }

    /// Runs until the wizard quits or a signal arrives; returns the exit status.
    public func run() -> Int32 {
        apply(state.update(.tick(.now)))
        draw()
        while exitStatus == nil {
            for result in inbox.takeAll() {
                apply(state.update(.response(result)))
            }
            if let input = terminal.nextInput(timeoutMilliseconds: tickMilliseconds) {
                switch input {
                case .key(let key): apply(state.update(.key(key)))
                case .paste(let text): apply(state.update(.paste(text)))
                case .resize: lastFrame = nil
                case .signal(let number): exitStatus = 128 + number
                }
            }
            apply(state.update(.tick(.now)))
            draw()
        }
        inFlight?.cancel()
        return exitStatus ?? 0
    }

    /// Whether an effect is still running (tests wait on this).
    public var isWaitingForEffect: Bool {
        state.busy != nil || !inbox.isEmpty
    }

    private func draw() {
        let size = terminal.size
        let frame = view.render(state, width: size.width, height: size.height)
        guard frame != lastFrame else { return }
        terminal.present(frame)
        lastFrame = frame
    }

    private func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit(let status):
                exitStatus = status
            case .cancelRequest:
                inFlight?.cancel()
            case .copyToClipboard(let text):
                terminal.copyToClipboard(text)
                apply(state.update(.response(.clipboardCopied)))
            default:
                let performer = self.performer
                let inbox = self.inbox
                let task = Task {
                    if let result = await performer.perform(effect) {
                        inbox.post(result)
                    }
                }
                if effect.isRequest { inFlight = task }
            }
        }
    }
}

extension Effect {
    /// Whether Esc should cancel this effect.
    var isRequest: Bool {
        switch self {
        case .verifyCredentials, .fetchAuthorizationURL, .simulateSignIn, .createInstance: true
        default: false
        }
    }
}

/// Results of finished effects, handed from effect tasks to the loop.
final class Inbox: Sendable {
    private let results = Mutex<[EffectResult]>([])

    /// Adds a result.
    func post(_ result: EffectResult) { results.withLock { $0.append(result) } }

    /// Removes and returns every waiting result.
    func takeAll() -> [EffectResult] { results.withLock { pending in defer { pending.removeAll() }; return pending } }

    /// Whether nothing waits.
    var isEmpty: Bool { results.withLock { $0.isEmpty } }
}
