/// The port the line driver talks through: questions, secret questions and lines of output.
///
/// The real one reads standard input (echo off for secrets); tests use `ScriptedLineIO`.
public protocol LineIO: AnyObject {
    /// Shows `prompt` and reads a line; `nil` at end of input.
    func ask(_ prompt: String) -> String?
    /// Shows `prompt` and reads a line without echoing it; `nil` at end of input.
    func askSecret(_ prompt: String) -> String?
    /// Prints a line.
    func say(_ text: String)
    /// Shows `prompt` and reads a line, unless `interrupted()` turns true first (the browser came
    /// back while the question was open).
    func ask(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer
    /// Shows `prompt` and reads a line without echoing it, unless `interrupted()` turns true first.
    func askSecret(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer
}

/// What a question that can be interrupted got.
public enum LineAnswer: Equatable {
    /// A line.
    case line(String)
    /// Input ended.
    case endOfInput
    /// Something else answered first.
    case interrupted
}

extension LineIO {
    /// Input that cannot be waited on (a pipe, a script) is read as it comes.
    public func ask(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        ask(prompt).map(LineAnswer.line) ?? .endOfInput
    }

    /// Input that cannot be waited on (a pipe, a script) is read as it comes.
    public func askSecret(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        askSecret(prompt).map(LineAnswer.line) ?? .endOfInput
    }
}

/// Line input from a script and output kept in memory, for tests and benchmarks.
public final class ScriptedLineIO: LineIO {
    /// Answers still to give, in order.
    public private(set) var answers: [String]
    /// Everything shown: prompts and lines, in order.
    public private(set) var transcript: [String] = []
    /// The prompts that were asked with echo off.
    public private(set) var secretPrompts: [String] = []

    /// An answer that gives way to the browser: the question is interrupted if the browser has
    /// come back by then, else input ends (a script cannot wait).
    public static let waitForBrowser = "\u{0}wait-for-browser"

    public init(answers: [String]) { self.answers = answers }

    public func ask(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        guard answers.first == Self.waitForBrowser else { return answer(prompt).map(LineAnswer.line) ?? .endOfInput }
        transcript.append(prompt)
        answers.removeFirst()
        return interrupted() ? .interrupted : .endOfInput
    }

    public func askSecret(_ prompt: String, until interrupted: @escaping () -> Bool) -> LineAnswer {
        secretPrompts.append(prompt)
        return ask(prompt, until: interrupted)
    }

    public func ask(_ prompt: String) -> String? { answer(prompt) }
    public func askSecret(_ prompt: String) -> String? {
        secretPrompts.append(prompt)
        return answer(prompt)
    }
    public func say(_ text: String) { transcript.append(text) }

    /// All output as one text.
    public var output: String { transcript.joined(separator: "\n") }

    private func answer(_ prompt: String) -> String? {
        transcript.append(prompt)
        guard !answers.isEmpty else { return nil }
        return answers.removeFirst()
    }
}
