import OpenConnectors

/// The screens of `ocwizard recover`.
public enum RecoverScreen: Sendable, Equatable {
    /// The connection step, shared with create.
    case connection
    /// The table of instances.
    case instances
    /// One instance: token, status, configuration, actions.
    case detail
    /// Azure app, Authorize and Grant code again, for a new grant code.
    case reauthenticate
}

/// What the recover flow is waiting for.
public enum RecoverBusy: Sendable, Equatable {
    case loadingDetail, reauthenticating, enabling, deleting

    /// The spinner's caption.
    public var caption: String {
        switch self {
        case .loadingDetail: "Reading the instance…"
        case .reauthenticating: "Re-authenticating the instance…"
        case .enabling: "Enabling the instance…"
        case .deleting: "Deleting the instance…"
        }
    }
}

/// Where the listing stands.
public enum ListingState: Sendable, Equatable {
    case idle
    /// Pages loaded so far and the total the service announced.
    case loading(pages: Int, total: Int?)
    case complete
    case failed(OpenConnectorsError)
}

/// A dialog on the recover screens.
public enum RecoverModal: Sendable, Equatable {
    /// Type the instance's name to delete it.
    case confirmDelete(TextEditor)
    /// Saving the instance to a file.
    case save(SaveDialog)
    /// The keys of the current screen.
    case help
}

/// `ocwizard recover` as a pure state machine: find an instance, show its token, repair it.
///
/// The connection step and the re-authentication steps (Azure app, Authorize, Grant code) are
/// child journeys of create's own steps: each runs on its own and returns its values when it
/// finishes; this type never reads or writes a child's step.
public struct RecoverWizard: Sendable, Equatable {
    /// Start-up settings (also those of the child journeys).
    public let configuration: WizardConfiguration
    /// The connection child journey, kept so Esc from the table comes back to it.
    public var connectionJourney: CreateWizard
    /// The sign-in-again child journey while an instance is re-authenticated.
    public var signInJourney: CreateWizard?
    /// The connection values the connection journey returned.
    public private(set) var connection: VerifiedConnection
    /// The current screen.
    public var screen: RecoverScreen = .connection
    /// The loaded instances, sorted and filtered.
    public var list = InstanceList()
    /// The filter as typed.
    public var filter = TextEditor(text: "")
    /// Progress of the listing.
    public var listing: ListingState = .idle
    /// Why ocwizard stopped the listing before the service ended it, if it did.
    public var pagingStop: PagingStop?
    /// The id of the selected row.
    public var selectedID: Int?
    /// The instance shown on the detail screen, as last read.
    public var detail: Instance?
    /// Whether the token is shown in clear text.
    public var tokenRevealed = false
    /// Focused button on the detail screen.
    public var detailFocus: RecoverAction = .copyToken
    /// The open dialog.
    public var modal: RecoverModal?
    /// What is in flight.
    public var busy: RecoverBusy?
    /// When the wait began, and the latest tick.
    public var busySince: ContinuousClock.Instant?
    public var now: ContinuousClock.Instant?
    /// A message across the screen.
    public var banner: Banner?
    /// A short status note.
    public var notice: String?
    /// Where the instance file was saved.
    public var savedPath: String?
    /// A re-authentication whose answer was lost, and the instance as it was before: the
    /// instance is being read again to compare.
    public var lostReauthentication: LostReauthentication?
    /// An Enable or Delete whose answer was lost, while the instance is read again.
    public var lostAction: LostInstanceAction?

    /// A recover wizard on the connection step.
    public init(configuration: WizardConfiguration) {
        self.configuration = configuration
        connectionJourney = CreateWizard(configuration: configuration, steps: CreateJourney.connectionOnly)
        connection = connectionJourney.journey.state.currentConnection
    }

    /// The child journey on screen, if the screen is one.
    public var child: CreateWizard? {
        switch screen {
        case .connection: connectionJourney
        case .reauthenticate: signInJourney
        case .instances, .detail: nil
        }
    }

    /// Whether it runs against the sandbox.
    public var isSandbox: Bool { configuration.sandboxURL != nil }

    /// The buttons of the detail screen.
    public var detailActions: [RecoverAction] {
        var actions: [RecoverAction] = [.copyToken, .saveToken, .reauthenticate]
        if detail?.disabled == true { actions.append(.enable) }
        if detail.flatMap(Self.eventsReceiver) != nil { actions.append(.sendTestEvent) }
        return actions + [.delete, .back]
    }

    /// The events callback URL of an instance whose events are on.
    public static func eventsReceiver(_ instance: Instance) -> String? {
        guard instance.eventsEnabled == true, let url = instance.configuration[ParameterTable[.eventsCallbackURL].wireKey], !url.isEmpty else { return nil }
        return url
    }

    /// The test event for `instance`, signed with the key this run was given (the service never
    /// returns it): `nil` when its events are off, `.failure` with what to do when there is no key.
    public static func testEvent(for instance: Instance, configuration: WizardConfiguration) -> Result<TestEventRequest, MissingSignatureKey>? {
        guard let url = eventsReceiver(instance) else { return nil }
        let key = Secret(configuration.prefill[.signatureKey] ?? "")
        guard !key.isEmpty else { return .failure(MissingSignatureKey()) }
        return .success(TestEventRequest(url: url, signatureKey: key, instanceId: instance.id))
    }

    /// The selected row, kept on the same instance while the table changes.
    public var selectedRow: Int? {
        guard !list.visible.isEmpty else { return nil }
        if let selectedID, let row = list.visible.firstIndex(where: { list.all[$0].id == selectedID }) { return row }
        return 0
    }

    /// The instance the selected row shows.
    public var selectedInstance: Instance? { selectedRow.map { list.instance(atRow: $0) } }

    /// The API base the instances were read from.
    public var baseURL: String { connection.baseURL }

    /// Takes the connection the connection journey returned.
    mutating func connectionReturned() {
        connection = connectionJourney.journey.state.currentConnection
    }
}

/// A button on the detail screen.
public enum RecoverAction: String, Sendable, Equatable, CaseIterable {
    case copyToken, saveToken, reauthenticate, enable, sendTestEvent, delete, back

    /// The button text.
    public var label: String {
        switch self {
        case .copyToken: "Copy token"
        case .saveToken: "Save"
        case .reauthenticate: "Re-authenticate"
        case .enable: "Enable"
        case .sendTestEvent: "Send test event"
        case .delete: "Delete"
        case .back: "Back"
        }
    }
}

/// A test event cannot be signed yet: the service never returns the signature key.
public struct MissingSignatureKey: Error, Sendable, Equatable {
    public init() {}
    /// What to do.
    public var message: String {
        "The service never returns the signature key: start ocwizard recover with OC_SIGNATURE_KEY set (or --secrets-file) to sign a test event, or use ocwizard events send-test."
    }
}
