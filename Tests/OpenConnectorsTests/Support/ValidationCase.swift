import OpenConnectors
import Testing

/// A problem a test expects: its severity and a part of its message.
struct ExpectedProblem: Sendable {
    let severity: Severity
    let messagePart: String
}

/// One value typed into one field of an otherwise valid form, and what validation must say about it.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    /// The value as typed.
    let value: String
    /// The problems, in order; empty means the value is accepted.
    let expected: [ExpectedProblem]
    /// What `Normalizer` must turn the value into, when the test cares.
    let normalized: String?
    /// Whether `event.notification.enabled` is on in the form.
    let eventsEnabled: Bool
    /// The OAuth `state` this run expects back.
    let expectedState: String?

    var testDescription: String { "\(value.debugDescription)\(eventsEnabled ? " (events on)" : "")" }

    /// A value that must pass without any problem.
    static func valid(_ value: String, normalized: String? = nil, eventsEnabled: Bool = false, expectedState: String? = nil) -> ValidationCase {
        ValidationCase(value: value, expected: [], normalized: normalized, eventsEnabled: eventsEnabled, expectedState: expectedState)
    }

    /// A value that must give exactly one error whose message contains `messagePart`.
    static func error(_ value: String, _ messagePart: String, eventsEnabled: Bool = false, expectedState: String? = nil) -> ValidationCase {
        problems(value, [ExpectedProblem(severity: .error, messagePart: messagePart)], eventsEnabled: eventsEnabled, expectedState: expectedState)
    }

    /// A value that must give exactly one warning whose message contains `messagePart`.
    static func warning(_ value: String, _ messagePart: String, eventsEnabled: Bool = false) -> ValidationCase {
        problems(value, [ExpectedProblem(severity: .warning, messagePart: messagePart)], eventsEnabled: eventsEnabled)
    }

    /// A value that must give exactly these problems, in this order.
    static func problems(_ value: String, _ expected: [ExpectedProblem], eventsEnabled: Bool = false, expectedState: String? = nil) -> ValidationCase {
        ValidationCase(value: value, expected: expected, normalized: nil, eventsEnabled: eventsEnabled, expectedState: expectedState)
    }

    /// Types the value into `parameter` of a valid form and checks the problems against the expectation.
    ///
    /// Every problem must carry `wireKey` (spelled out by the caller, so a changed table row
    /// fails the test), the expected severity, and a message that starts with the row's label
    /// and contains the expected part. The same problems must come back from validating the
    /// whole form, so no other row is disturbed.
    func check(_ parameter: ParameterID, wireKey: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var form = Fixtures.validForm(eventsEnabled: eventsEnabled)
        form[parameter] = value
        let problems = Validator.problems(of: parameter, in: form, expectedState: expectedState)
        #expect(problems.map(\.severity) == expected.map(\.severity), "\(problems)", sourceLocation: sourceLocation)
        for (problem, expectation) in zip(problems, expected) {
            #expect(problem.wireKey == wireKey, sourceLocation: sourceLocation)
            #expect(problem.parameter == parameter, sourceLocation: sourceLocation)
            #expect(problem.message.hasPrefix(ParameterTable[parameter].label + " "), "\(problem.message)", sourceLocation: sourceLocation)
            #expect(problem.message.contains(expectation.messagePart), "\(problem.message)", sourceLocation: sourceLocation)
        }
        #expect(Validator.problems(in: form, expectedState: expectedState) == problems, sourceLocation: sourceLocation)
        if let normalized {
            #expect(form.normalized(parameter) == normalized, sourceLocation: sourceLocation)
        }
    }
}
