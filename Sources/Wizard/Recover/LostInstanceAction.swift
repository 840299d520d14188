import OpenConnectors

/// An Enable or a Delete whose answer was lost after it was sent: the service may have acted, so
/// the instance is read again and the outcome told from what it shows before anything is offered.
/// Every driver says the same.
public struct LostInstanceAction: Sendable, Equatable {
    /// What was asked of the service.
    public enum Action: Sendable, Equatable {
        case enable, delete
    }

    /// What the instance, read again, says about the action.
    public enum Outcome: Sendable, Equatable {
        /// It went through: enabled now, or gone.
        case done
        /// It did not: still disabled, or still there.
        case notDone
        /// Reading it again failed too.
        case unknown(OpenConnectorsError)
    }

    public var action: Action
    /// How the answer was lost.
    public var cause: OpenConnectorsError
    /// The instance as it was before.
    public var instance: Instance

    public init(_ action: Action, cause: OpenConnectorsError, instance: Instance) {
        self.action = action; self.cause = cause; self.instance = instance
    }

    /// The outcome the re-read shows: a `404` after a Delete means it is gone.
    public func outcome(reread: Result<Instance, OpenConnectorsError>) -> Outcome {
        switch (action, reread) {
        case (.enable, .success(let after)): after.disabled == true ? .notDone : .done
        case (.delete, .success): .notDone
        case (.delete, .failure(.api(let failure))) where failure.kind == .notFound: .done
        case (_, .failure(let error)): .unknown(error)
        }
    }

    /// What happened and what the re-read shows, with the next step that fits.
    public func banner(reread: Result<Instance, OpenConnectorsError>) -> Banner {
        let verb = action == .enable ? "Enable" : "Delete"
        let lost = "The \(verb) request for \(instance.name) (id \(instance.id)) was sent, but its answer was lost: \(LostAnswer.describe(cause))"
        switch (action, outcome(reread: reread)) {
        case (.enable, .done):
            return Banner(tone: .success, lines: ["✓ Enabled: the instance, read again, is enabled.", lost])
        case (.delete, .done):
            return Banner(tone: .success, lines: ["✓ Deleted: the instance, read again, is gone; its token no longer works.", lost])
        case (.enable, .notDone):
            return Banner(tone: .warning, lines: [lost, "The instance, read again, is still disabled: Enable did not take effect. Enabling again is safe."])
        case (.delete, .notDone):
            return Banner(tone: .warning, lines: [lost, "The instance, read again, is still there: it was not deleted. Delete it again if you still want to."])
        case (_, .unknown(let error)):
            return Banner(tone: .warning, lines: [
                lost,
                "Reading the instance again failed too: \(error.summary)",
                "Check it before trying again: ocwizard recover --id \(instance.id)",
            ])
        }
    }
}
