import Synchronization
import SystemPorts

/// Standard streams in memory: scripted input lines, captured output, and the echo state at each read.
public final class ScriptedTerminal: TerminalDevice {
    private struct State {
        var input: [String]
        var output = ""
        var error = ""
        var echo = true
        var echoAtReads: [Bool] = []
    }

    private let state: Mutex<State>
    private let terminals: Set<StandardStream>

    /// A terminal that answers with `input`, line by line; `terminals` are the streams that are terminals.
    public init(input: [String] = [], terminals: Set<StandardStream> = [.input, .output, .error]) {
        state = Mutex(State(input: input))
        self.terminals = terminals
    }

    /// What was written to standard output.
    public var output: String { state.withLock { $0.output } }
    /// What was written to standard error.
    public var error: String { state.withLock { $0.error } }
    /// Whether echo is on now.
    public var echo: Bool { state.withLock { $0.echo } }
    /// For each line read, whether echo was on while it was typed.
    public var echoAtReads: [Bool] { state.withLock { $0.echoAtReads } }

    public func isTerminal(_ stream: StandardStream) -> Bool { terminals.contains(stream) }

    public func readLine() -> String? {
        state.withLock { state in
            guard !state.input.isEmpty else { return nil }
            state.echoAtReads.append(state.echo)
            return state.input.removeFirst()
        }
    }

    public func write(_ text: String, to stream: StandardStream) {
        state.withLock { state in
            if stream == .error { state.error += text } else { state.output += text }
        }
    }

    public func silenceEcho() -> Bool {
        guard terminals.contains(.input) else { return false }
        state.withLock { $0.echo = false }
        return true
    }

    public func restoreEcho() { state.withLock { $0.echo = true } }
}
