import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Sandbox
import Testing

/// The sandbox answers without Nagle's delay: its listening socket and every connection it
/// accepts carry `TCP_NODELAY`, so a keep-alive listing never waits on a delayed acknowledgement.
@Suite struct NoDelayTests {
    @Test func listeningSocketHasNoDelay() async throws {
        try await withSandbox { sandbox in
            let listening = try #require(NoDelay.listeningDescriptor(port: sandbox.port))
            #expect(NoDelay.isSet(on: listening))
        }
    }

    @Test func acceptedConnectionsInheritNoDelay() async throws {
        try await withSandbox { sandbox in
            let client = try RawHTTPClient.connectedSocket(port: sandbox.port)
            defer { close(client) }
            let accepted = try await acceptedDescriptor(port: sandbox.port)
            #expect(NoDelay.isSet(on: accepted))
            #expect(!NoDelay.isSet(on: client), "the client side is ours and left as the kernel made it")
        }
    }

    /// Waits (up to ten seconds) until the server has accepted a connection on `port` and
    /// returns the server side's descriptor.
    private func acceptedDescriptor(port: UInt16) async throws -> Int32 {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            if let found = names.compactMap(Int32.init).first(where: {
                !NoDelay.isListening($0) && NoDelay.localPort(of: $0) == port
            }) {
                return found
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the server never accepted the connection")
        throw CancellationError()
    }
}
