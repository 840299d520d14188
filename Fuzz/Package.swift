// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets for ocwizard's parsers and decoders (docs/FUZZING.md). A package of its own,
/// so that the normal build never compiles them: `make fuzz` builds it with
/// `-sanitize=fuzzer,address`. Each target is one executable of one file, `main.swift`: its
/// `LLVMFuzzerTestOneInput`, handed to libFuzzer's driver at the end (SwiftPM renames an
/// executable's entry point, so libFuzzer's own `main` cannot be the one that runs).
///
/// Adding a target: one `fuzzTarget(...)` line below, `Sources/<name>/main.swift`, a seed corpus
/// in `corpus/<name>/`, and its name in `Fuzz/targets`.
let fuzzDependencies: [Target.Dependency] = ["FuzzSupport", .product(name: "OCWizardModules", package: "ocwizard")]

/// One fuzz target: an executable of `Sources/<name>`.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: fuzzDependencies)
}

let package = Package(
    name: "ocwizard-fuzz",
    dependencies: [.package(name: "ocwizard", path: "..")],
    targets: [
        // What the targets share: reading structured values from the fuzzer's bytes, waiting for async calls.
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        fuzzTarget("fuzz-grant-code"),
        fuzzTarget("fuzz-url"),
        fuzzTarget("fuzz-validation"),
        fuzzTarget("fuzz-responses"),
        fuzzTarget("fuzz-key-decoder"),
        fuzzTarget("fuzz-text-editor"),
        fuzzTarget("fuzz-secrets-file"),
        fuzzTarget("fuzz-profile"),
        fuzzTarget("fuzz-webhook-signature"),
    ],
    swiftLanguageModes: [.v6]
)
