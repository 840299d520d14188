import Glibc
import SystemPorts

extension ProcessEnvironment {
    /// The environment of this process, read once.
    public static func current() -> ProcessEnvironment {
        var values: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                values[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return ProcessEnvironment(values: values)
    }
}

/// Ends this process with `status` (what `main` returns to the shell).
public func exitProcess(_ status: Int32) -> Never {
    exit(status)
}

/// The text of the current `errno`.
func systemErrorText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
}
