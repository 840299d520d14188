import OpenConnectors
import Testing
import TerminalUI
@testable import Wizard

/// A listing ocwizard stopped says so on the recover table, where "All N loaded" would be untrue.
@Suite("Recover: a stopped listing")
struct PagingStopScreenTests {
    @Test("The progress line warns that instances may be missing; a complete listing says all are loaded", arguments: [
        PagingStop.repeatedToken(pages: 2, instances: 3), .pageLimit(pages: 250, instances: 3),
    ])
    func progressLine(_ stop: PagingStop) {
        var wizard = RecoverSnapshotTests().connected()
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: RecoverSnapshotTests.instances, stopped: stop)))))
        let screen = RecoverView(theme: .monochrome).render(wizard, width: 80, height: 24).textLines.joined(separator: "\n")
        #expect(screen.contains("⚠ " + stop.shortMessage), "\(screen)")
        #expect(!screen.contains("All 3 Microsoft Graph instances loaded."))
        #expect(stop.shortMessage.count + 2 <= 76)

        let complete = RecoverView(theme: .monochrome).render(RecoverSnapshotTests().loaded(), width: 80, height: 24).textLines.joined(separator: "\n")
        #expect(complete.contains("All 3 Microsoft Graph instances loaded."))
    }
}
