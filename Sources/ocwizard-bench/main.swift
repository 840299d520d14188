// ocwizard-bench: in-process timings for `make bench` (scripts/bench.sh). Not part of `ocwizard`.
//
//   ocwizard-bench frame  [--frames N] [--out FILE]   review screen: key + render + present, on the
//                                                     terminal it runs on (a pty of 200×60 in bench.sh)
//   ocwizard-bench filter [--rows N] [--rounds N] [--out FILE]
//                                                     type-to-filter over N instances (no terminal)
//   ocwizard-bench screen                             the create wizard's first screen, until a key
//                                                     (start-up floor without libcurl and the CLI)
//
// Each prints `key=value` lines (to FILE, or stdout): medians in microseconds.
import CursesTerminal
import Glibc
import OpenConnectors
import TerminalKeys
import TerminalUI
import Wizard
import WizardScripting

// MARK: - Helpers

func option(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
    return value
}

func stringOption(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

/// Microseconds of a duration.
func micros(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e6 + Double(attoseconds) / 1e12
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

func format(_ value: Double) -> String {
    let scaled = Int((value * 10).rounded())
    return "\(scaled / 10).\(abs(scaled % 10))"
}

/// Writes a message to standard error.
func complain(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// Writes the result lines to `--out FILE` or stdout.
func report(_ lines: [String]) {
    let text = lines.joined(separator: "\n") + "\n"
    if let path = stringOption("--out") {
        guard let file = fopen(path, "w") else { complain("ocwizard-bench: cannot write \(path)\n"); exit(1) }
        fputs(text, file)
        fclose(file)
    } else {
        print(text, terminator: "")
    }
}

// MARK: - Review screen (the path of Tests/TerminalUITests/ScreenFixtures.swift)

func reviewWizard() -> CreateWizard {
    let state = "state-1234"
    let sandboxURL = "http://127.0.0.1:45678/elements/api-v2"
    let signInURL = "http://127.0.0.1:45678/sandbox/authorize?client_id=5a4db0c5-c11e-4d1d-a000-000000000001&response_type=code&redirect_uri=https%3A%2F%2Flocalhost%2Focwizard%2Fcallback&scope=Calendars.Read%20Calendars.ReadWrite%20offline_access&state=\(state)"
    var wizard = CreateWizard(configuration: WizardConfiguration(
        sandboxURL: sandboxURL,
        prefill: [.baseURL: sandboxURL, .userSecret: "sandbox-user", .organizationSecret: "sandbox-org",
                  .apiKey: "5a4db0c5-c11e-4d1d-a000-000000000001", .apiSecret: "sandbox-client-secret", .callbackURL: "https://localhost/ocwizard/callback"],
        prefillSources: [.userSecret: .sandbox, .organizationSecret: .sandbox, .apiKey: .sandbox, .apiSecret: .sandbox, .callbackURL: .sandbox],
        oauthState: state))
    wizard.update(.tick(.now))
    wizard.press(.enter, .enter, .enter, .enter)
    wizard.receive(.credentialsVerified(.success(Done())))
    wizard.press(.pageDown)
    wizard.receive(.authorizationURL(.success(OAuthRedirect(oauthUrl: signInURL, element: "microsoftgraph"))))
    wizard.press(.pageDown)
    wizard.update(.paste("https://localhost/ocwizard/callback?code=0.AXoA-abcdefghijklmnopqrstuvwxyz0123456789&state=\(state)"))
    wizard.press(.pageDown)
    wizard.press(.character(" "), .tab)
    wizard.type("https://example.com/oc-events")
    wizard.press(.tab)
    wizard.type("0123456789abcdef0123456789abcdef")
    wizard.press(.pageDown)
    wizard.type("graph-calendar-alice")
    wizard.press(.tab)
    wizard.type("team-a, 日本語タグ")
    wizard.press(.pageDown)
    return wizard
}

/// Per frame: a key (Tab / Shift-Tab alternately, moving the focus between the review buttons),
/// render at the terminal's size, and present through ncurses when the frame changed (as `WizardLoop` does).
func frameBenchmark() {
    let frames = option("--frames", 2000)
    let warmup = option("--warmup", 200)
    var wizard = reviewWizard()
    guard wizard.step == .review else {
        complain("ocwizard-bench: the scripted wizard is on \(wizard.step), not review\n")
        exit(1)
    }
    let terminal = CursesTerminal(useColor: true)
    let (width, height) = terminal.size
    let theme = Theme.color
    let view = WizardView(theme: theme)
    var last = view.render(wizard, width: width, height: height)
    terminal.present(last, changedRows: last.changedRows(since: nil))
    var update: [Double] = [], render: [Double] = [], present: [Double] = [], total: [Double] = []
    let clock = ContinuousClock()
    var changed = 0
    for index in 0..<(warmup + frames) {
        let t0 = clock.now
        wizard.update(.key(index % 2 == 0 ? .tab : .backTab))
        let t1 = clock.now
        let frame = view.render(wizard, width: width, height: height)
        let t2 = clock.now
        let rows = frame.changedRows(since: last)
        if !rows.isEmpty || !frame.cursorEqual(last) {
            terminal.present(frame, changedRows: rows)
            last = frame
            if index >= warmup { changed += 1 }
        }
        let t3 = clock.now
        if index >= warmup {
            update.append(micros(t1 - t0)); render.append(micros(t2 - t1)); present.append(micros(t3 - t2)); total.append(micros(t3 - t0))
        }
    }
    terminal.restore()
    report([
        "size=\(width)x\(height)",
        "frames=\(frames)",
        "changed_frames=\(changed)",
        "frame_us_median=\(format(median(total)))",
        "frame_us_p90=\(format(percentile(total, 0.9)))",
        "update_us_median=\(format(median(update)))",
        "render_us_median=\(format(median(render)))",
        "present_us_median=\(format(median(present)))",
    ])
}

// MARK: - Filter over a large account

/// Instances shaped like the sandbox's `--seed` ones (hydrate=false listing).
func seededInstances(count: Int) -> [Instance] {
    let people = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"]
    let pool = ["ocwizard", "calendar", "team-blue", "team-green", "prod", "test"]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
        seed &+= 0x9E37_79B9_7F4A_7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    return (0..<count).map { index in
        let number = index + 1
        let person = people[Int(next() % UInt64(people.count))]
        let digits = String(number)
        let name = "graph-calendar-\(person)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        let tags = ["seeded"] + pool.filter { _ in next() % 3 == 0 }
        let minute = index % 60, hour = (index / 60) % 24, day = 1 + (index / 1440) % 28
        let date = "2026-01-\(day < 10 ? "0" : "")\(day)T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : ""):\(minute)00Z"
        return Instance(id: 100_000 + number, name: name, element: ElementSummary(id: 17314, key: "microsoftgraph", name: "Microsoft Graph"),
                        tags: tags, valid: true, disabled: next() % 10 == 0, eventsEnabled: next() % 2 == 0, createdDate: date)
    }
}

/// Per keystroke on the instance table: the recover wizard's update (filter editor + `InstanceList.filter`).
/// Typing "alice-00" then erasing it: the first letter and the last Backspace scan every row, the
/// others narrow. Also times the table render at 100×30 after each key, and the raw filter.
func filterBenchmark() {
    let rows = option("--rows", 10_000)
    let rounds = option("--rounds", 20)
    let pageSize = OpenConnectorsClient.maximumPageSize
    let instances = seededInstances(count: rows)
    var wizard = RecoverWizard(configuration: WizardConfiguration(prefill: [.baseURL: "http://127.0.0.1:1/elements/api-v2"], oauthState: "bench"))
    wizard.update(.tick(.now))
    wizard.screen = .instances
    wizard.listing = .loading(pages: 0, total: rows)
    let clock = ContinuousClock()
    let appendStart = clock.now
    for start in stride(from: 0, to: rows, by: pageSize) {
        let page = Array(instances[start..<min(rows, start + pageSize)])
        let last = start + pageSize >= rows
        wizard.update(.response(.instancesPage(.success(InstancePage(instances: page, totalCount: rows, nextPageToken: last ? nil : "t\(start)")))))
    }
    let appendMicros = micros(clock.now - appendStart)
    guard wizard.list.all.count == rows, wizard.listing == .complete else {
        complain("ocwizard-bench: listing not complete (\(wizard.list.all.count) rows)\n")
        exit(1)
    }
    let query = "alice-00"
    let view = RecoverView(theme: .color)
    let keys: [Key] = query.map { Key.character($0) } + Array(repeating: .backspace, count: query.count)
    let labels = query.map { String($0) } + Array(repeating: "⌫", count: query.count)
    var perKey = Array(repeating: [Double](), count: keys.count)
    var render: [Double] = []
    var lastVisible = 0
    for _ in 0..<rounds {
        for (index, key) in keys.enumerated() {
            let t0 = clock.now
            wizard.update(.key(key))
            let t1 = clock.now
            let buffer = view.render(wizard, width: 100, height: 30)
            let t2 = clock.now
            if buffer.width == 0 { exit(1) }
            perKey[index].append(micros(t1 - t0))
            render.append(micros(t2 - t1))
            if index == query.count - 1 { lastVisible = wizard.list.visible.count }
        }
    }
    let keystroke = perKey.flatMap { $0 }
    let medians = perKey.map(median)
    // The list on its own: one keystroke's worth of `filter(_:)` from an empty filter.
    var list = wizard.list
    var raw: [Double] = []
    for round in 0..<rounds * 4 {
        list.filter("")
        let t0 = clock.now
        list.filter(round % 2 == 0 ? "a" : "7")
        raw.append(micros(clock.now - t0))
    }
    report([
        "rows=\(rows)",
        "keystrokes=\(keystroke.count)",
        "matches_for_query=\(lastVisible)",
        "append_50_pages_us=\(format(appendMicros))",
        "keystroke_us_median=\(format(median(keystroke)))",
        "keystroke_us_worst_key_median=\(format(medians.max() ?? .nan))",
        "keystroke_us_max=\(format(keystroke.max() ?? .nan))",
        "per_key_us_medians=\(zip(labels, medians).map { "\($0.0):\(format($0.1))" }.joined(separator: " "))",
        "list_filter_full_scan_us_median=\(format(median(raw)))",
        "table_render_us_median=\(format(median(render)))",
    ])
}

// MARK: - The connection screen alone

/// The first screen of `ocwizard --base-url …` drawn by the same renderer and ncurses backend, but
/// in a process without libcurl, swift-argument-parser or the CLI: the floor that start-up
/// fixes in `ocwizard` can reach. Waits for a key or a signal.
func screenBenchmark() {
    let terminal = CursesTerminal(useColor: true)
    let loop = WizardLoop(program: CreateWizard(configuration: WizardConfiguration(
        prefill: [.baseURL: "http://127.0.0.1:1/elements/api-v2"], oauthState: "bench")),
        terminal: terminal, performer: NoEffects(), theme: .color)
    _ = loop.run()
    terminal.restore()
}

/// Effects are never run by the screen benchmark.
struct NoEffects: EffectPerformer {
    func perform(_ effect: Effect, emit: @escaping @Sendable (EffectResult) -> Void) async {}
}

// MARK: - Main

switch CommandLine.arguments.dropFirst().first {
case "frame": frameBenchmark()
case "filter": filterBenchmark()
case "screen": screenBenchmark()
default:
    complain("usage: ocwizard-bench frame [--frames N] [--warmup N] [--out FILE]\n       ocwizard-bench filter [--rows N] [--rounds N] [--out FILE]\n")
    exit(2)
}
