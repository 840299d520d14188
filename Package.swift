// swift-tools-version: 6.1
import PackageDescription

/// ocwizard: a terminal wizard that creates SAP Open Connectors `microsoftgraph` instances.
///
/// Dependency direction (see docs/DECISIONS.md):
/// TerminalKeys (leaf) ← OpenConnectors ← Wizard (flows) ← TerminalUI / LineUI (drivers) ← CursesTerminal; OpenConnectors ← CurlTransport;
/// SystemPorts (leaf) ← Wizard, System (the POSIX adapters); the `ocwizard` executable wires them together in one composition root.
/// The sandbox keeps its own wire types.
///
/// Linux only (glibc, ncursesw, `/proc`, `posix_spawn` with Linux flags, a glibc `wcwidth` table),
/// so no Apple platform is claimed; `Sources/ocwizard/OCWizardMain.swift` stops other builds with
/// a clear error.
let package = Package(
    name: "ocwizard",
    products: [
        .executable(name: "ocwizard", targets: ["ocwizard"]),
        .executable(name: "ocwizard-sandbox", targets: ["ocwizard-sandbox"]),
        // The modules the fuzz targets in Fuzz/ (a package of its own, built only by `make fuzz`) test.
        .library(name: "OCWizardModules", targets: ["OpenConnectors", "WebhookSigning", "Wizard", "TerminalUI", "TerminalKeys", "System", "SystemPorts", "OCWizardCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The version every binary shows (a leaf: the sandbox uses it without OpenConnectors).
        .target(name: "ProductVersion"),

        // Whole-number flags checked against their ranges while parsing (both binaries).
        .target(name: "WholeNumberOption", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // Core: parameter table, validation, request building, decoding, the API client.
        .target(name: "OpenConnectors"),

        // libcurl adapter. CCurl opens libcurl.so.4 with dlopen at the first request (not linked:
        // see docs/DECISIONS.md); it needs libcurl's headers to build (libcurl4-openssl-dev).
        .target(
            name: "CCurl",
            path: "Sources/CCurl",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(name: "CurlTransport", dependencies: ["CCurl", "OpenConnectors", "ProductVersion"]),

        // Webhook signatures: HMAC from OpenSSL's libcrypto, opened with dlopen on first use like
        // libcurl (CCrypto needs libssl-dev's headers to build), and the pure signature check.
        .target(
            name: "CCrypto",
            path: "Sources/CCrypto",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(name: "WebhookSigning", dependencies: ["CCrypto"]),

        // The wizard as pure state machines, the renderer, and the ncurses backend.
        .target(name: "TerminalKeys"),  // keys and input events: a leaf, no dependencies
        // The ports to the operating system (a leaf: protocols and small values), their real adapters
        // (the one place beside CursesTerminal/CurlTransport that imports Glibc for them), and
        // in-memory versions for tests, kept out of the shipped targets.
        .target(name: "SystemPorts"),
        // CSystem: the calls Swift cannot make itself (prctl is variadic).
        .target(name: "CSystem", path: "Sources/CSystem"),
        .target(name: "System", dependencies: ["SystemPorts", "CSystem"]),
        .target(name: "SystemTesting", dependencies: ["SystemPorts"]),
        .target(name: "Wizard", dependencies: ["OpenConnectors", "TerminalKeys", "SystemPorts"]),
        // Scripted input for tests and benchmarks, kept out of the shipped targets.
        .target(name: "WizardScripting", dependencies: ["Wizard", "TerminalKeys"]),
        .target(name: "TerminalUI", dependencies: ["Wizard", "OpenConnectors", "TerminalKeys"]),
        // The line driver (plain prompts) and the batch driver (no input) over the same journeys.
        .target(name: "LineUI", dependencies: ["Wizard", "OpenConnectors"]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TerminalUI", "TerminalKeys"]),

        // The local emulator of the Open Connectors API.
        .target(
            name: "Sandbox",
            dependencies: [
                "WebhookSigning",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "ocwizard-sandbox",
            dependencies: ["Sandbox", "ProductVersion", "WholeNumberOption", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // The command-line front door.
        .target(
            name: "OCWizardCLI",
            dependencies: [
                "OpenConnectors", "CurlTransport", "WebhookSigning", "Wizard", "TerminalUI", "LineUI", "CursesTerminal", "System", "SystemPorts", "ProductVersion", "WholeNumberOption",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ocwizard", dependencies: ["OCWizardCLI"]),

        // In-process timings for `make bench` (frame cost, filter per keystroke); not in `ocwizard`.
        .executableTarget(name: "ocwizard-bench", dependencies: ["Wizard", "WizardScripting", "TerminalUI", "CursesTerminal", "TerminalKeys", "OpenConnectors"]),

        .testTarget(
            name: "OpenConnectorsTests",
            dependencies: ["OpenConnectors", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "System", "SystemPorts", "SystemTesting", "WebhookSigning"]),
        .testTarget(name: "WebhookSigningTests", dependencies: ["WebhookSigning"]),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "OpenConnectors", "Sandbox"]),
        .testTarget(
            name: "WizardTests",
            dependencies: ["Wizard", "WizardScripting", "OpenConnectors", "TerminalKeys", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "LineUITests", dependencies: ["LineUI", "Wizard", "OpenConnectors", "TerminalUI", "TerminalKeys"]),
        // CNCursesW only for glibc's wcwidth, which DisplayWidthTests compares the width table with.
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Wizard", "WizardScripting", "TerminalKeys", "CNCursesW", "SystemTesting", .product(name: "PropertyBased", package: "swift-property-based")], exclude: ["__Snapshots__"]),
        .testTarget(name: "OCWizardCLITests", dependencies: ["OCWizardCLI", "OpenConnectors", "ProductVersion", "Wizard", "SystemPorts", "SystemTesting", "Sandbox"]),
        .testTarget(name: "SystemTests", dependencies: ["System", "SystemPorts", "SystemTesting"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Sandbox", "SystemTesting"]),
    ],
    swiftLanguageModes: [.v6]
)
