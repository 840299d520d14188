#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (a socket or pipe read, waiting for a child) on a thread of its own and
/// waits for it without holding one of Swift's cooperative threads.
///
/// The cooperative pool has as many threads as the machine has cores (two on CI). A test that
/// blocks one of them while another test blocks the other stops every in-process server and task
/// of the run, including the ones the blocked reads are waiting for.
public func onOwnThread<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
    let result: Result<T, Failure> = await withCheckedContinuation { continuation in
        startThread { continuation.resume(returning: Result { () throws(Failure) -> T in try work() }) }
    }
    return try result.get()
}

/// Starts `body` on a new detached thread with a 1 MiB stack.
private func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 1 << 20)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    var thread = pthread_t()
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    let status = pthread_create(&thread, &attributes, { pointer in
        Unmanaged<Box>.fromOpaque(pointer!).takeRetainedValue().body()
        return nil
    }, box)
    precondition(status == 0, "pthread_create failed: \(status)")
}
