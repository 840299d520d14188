import CFuzzerDriver

/// Runs libFuzzer with this process's arguments (corpus directories, `-max_total_time=N`, a crash
/// file to replay, …) over `target`, and exits with its status.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, target)
    exit(status)
}

@_silgen_name("exit") private func exit(_ status: Int32) -> Never
