import System
import Testing

/// Core dumps are off once `CoreDumps.disable()` ran: no core file can hold a secret.
@Suite struct CoreDumpsTests {
    @Test func disablingSetsTheCoreLimitToZeroAndMakesTheProcessUndumpable() {
        CoreDumps.disable()
        #expect(CoreDumps.coreLimit == 0)
        #expect(!CoreDumps.isDumpable)
    }
}
