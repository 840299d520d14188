import OpenConnectors
import Testing
@testable import Wizard

/// An Enable or Delete whose answer was lost: the instance is read again and the outcome told
/// from what it shows, never a bare failure.
@Suite("Recover: a lost Enable or Delete answer")
struct LostInstanceActionTests {
    static let credentials = Credentials(userSecret: "u", organizationSecret: "o")
    static let lost = OpenConnectorsError.transport(.answerLost(.connectionLost(detail: "Empty reply from server")))
    static let gone = OpenConnectorsError.api(APIFailure(status: 404, body: nil))

    /// The detail of `instance`, opened from a loaded list.
    private func detail(of instance: Instance) -> RecoverWizard {
        var wizard = loadedRecover(5)
        wizard.update(.key(.enter))
        wizard.update(.response(.instanceLoaded(.success(instance))))
        return wizard
    }

    /// A recover wizard that has just sent Delete for instance 1001.
    private func sentDelete() -> RecoverWizard {
        let instance = sampleInstances(1)[0]
        var wizard = detail(of: instance)
        wizard.detailFocus = .delete
        wizard.update(.key(.enter))
        for character in instance.name { wizard.update(.key(.character(character))) }
        #expect(wizard.update(.key(.enter)) == [.deleteInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Self.credentials, id: 1001)])
        return wizard
    }

    /// A recover wizard that has just sent Enable for the disabled instance 1004.
    private func sentEnable() -> RecoverWizard {
        var wizard = detail(of: sampleInstances(5)[3])
        wizard.detailFocus = .enable
        #expect(wizard.update(.key(.enter)) == [.enableInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Self.credentials, id: 1004)])
        return wizard
    }

    @Test("A lost Delete reads the instance again; a 404 then means it is gone: out of the list, said as done")
    func deleteWentThrough() {
        var wizard = sentDelete()
        #expect(wizard.update(.response(.instanceDeleted(.failure(Self.lost)))) == [.loadInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Self.credentials, id: 1001)])
        wizard.update(.response(.instanceLoaded(.failure(Self.gone))))
        #expect(wizard.screen == .instances && wizard.detail == nil)
        #expect(!wizard.list.all.contains { $0.id == 1001 })
        #expect(wizard.banner?.tone == .success)
        #expect(wizard.banner?.lines.first?.hasPrefix("✓ Deleted") == true)
        #expect(wizard.banner?.lines.contains { $0.contains("Empty reply from server") } == true)
    }

    @Test("A lost Delete whose instance is still there says it was not deleted, and keeps it")
    func deleteDidNotHappen() {
        var wizard = sentDelete()
        wizard.update(.response(.instanceDeleted(.failure(Self.lost))))
        wizard.update(.response(.instanceLoaded(.success(sampleInstances(1)[0]))))
        #expect(wizard.screen == .detail && wizard.detail?.id == 1001)
        #expect(wizard.list.all.contains { $0.id == 1001 })
        #expect(wizard.banner?.tone == .warning)
        #expect(wizard.banner?.lines.last?.contains("it was not deleted") == true)
    }

    @Test("A lost Enable reads the instance again: enabled now is done; still disabled says so")
    func enable() {
        var wizard = sentEnable()
        #expect(wizard.update(.response(.instanceEnabled(.failure(Self.lost)))) == [.loadInstance(baseURL: ParameterTable.defaultBaseURL, credentials: Self.credentials, id: 1004)])
        var enabled = sampleInstances(5)[3]
        enabled.disabled = false
        wizard.update(.response(.instanceLoaded(.success(enabled))))
        #expect(wizard.detail?.disabled == false)
        #expect(wizard.banner?.lines.first == "✓ Enabled: the instance, read again, is enabled.")

        var again = sentEnable()
        again.update(.response(.instanceEnabled(.failure(.api(APIFailure(status: 502, body: nil))))))
        again.update(.response(.instanceLoaded(.success(sampleInstances(5)[3]))))
        #expect(again.banner?.tone == .warning)
        #expect(again.banner?.lines.last?.contains("still disabled") == true)
    }

    @Test("Reading again fails too: how to check, and nothing is sent again")
    func rereadFails() {
        var wizard = sentDelete()
        wizard.update(.response(.instanceDeleted(.failure(Self.lost))))
        let effects = wizard.update(.response(.instanceLoaded(.failure(.transport(.connectionRefused(host: "api.example:443"))))))
        #expect(effects.isEmpty)
        #expect(wizard.list.all.contains { $0.id == 1001 })
        #expect(wizard.banner?.lines.last == "Check it before trying again: ocwizard recover --id 1001")
    }

    @Test("A refusal that is not a lost answer is reported as before, with no read")
    func plainFailure() {
        var wizard = sentDelete()
        #expect(wizard.update(.response(.instanceDeleted(.failure(.api(APIFailure(status: 403, body: nil)))))).isEmpty)
        #expect(wizard.lostAction == nil)
    }
}
