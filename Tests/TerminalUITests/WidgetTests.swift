#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TerminalUI

/// Every widget, with props that fill it (long text, wide graphemes, every case), for the
/// tests that any area is safe.
enum WidgetCatalog {
    static let theme = Theme.color
    static let long = "A sentence long enough to wrap several times, with 日本語 and 👨‍👩‍👧 in it, and https://example.com/a/very/long/path?with=query&and=more"
    static let banner = BannerBlock.Props(tone: .error, lines: [long, "second line"])
    static let busy = BusyLine.Props(frame: "⠙", caption: "Checking the secrets…", elapsed: "0.4 s")
    static let buttons = ButtonRow.Props(labels: ["Next", "Back to Azure app", "日本"], focused: 1)
    static let header = StepHeader.Props(heading: "Azure app", text: long)
    static let rows: [FormStepScreen.Row] = [
        .hostPicker(HostPicker.Props(text: "◀ Custom ▶  type the URL below", focused: false)),
        .field(FormField.Props(label: "Client secret with a label too long to fit", focused: true, value: .text(long, cursor: 40),
                               messages: [FormField.Message(isError: true, text: long), FormField.Message(isError: false, text: "short")])),
        .field(FormField.Props(label: "Events", focused: true, value: .toggle(on: true), messages: [])),
        .field(FormField.Props(label: "Tags", focused: false, value: .placeholder("optional"), messages: [])),
    ]
    static let form = FormStepScreen.Props(header: header, banner: banner, rows: rows, confirmation: long, buttons: buttons, busy: busy)
    static let panel = InstancePanel.Props(id: "1001", name: "カレンダー-ålice-🙂", token: long, tags: "team-a, 日本語タグ", status: "ok · events",
                                           created: "2026-11-29T12:17:46Z", baseURL: "https://api.example.com/elements/api-v2", headerToken: "$OC_INSTANCE_TOKEN",
                                           savedPath: "/home/u/カレンダー.ocwizard.json")
    static let review = ReviewScreen.Props(banner: banner, values: [ReviewScreen.Value(label: "Name", text: long, isSet: true),
                                                                    ReviewScreen.Value(label: "Tags", text: "(not set)", isSet: false)],
                                           body: "{\n  \"name\": \"\(long)\"\n}", curl: "curl -X POST \\\n  " + long)
    static let dialog = DialogBox.Props(title: "Help · " + long, blocks: [
        .paragraph(long), .blank, .note(long), .keysLine("y  quit    n  stay"), .code(long),
        .keys([HelpBar.Item(key: "Ctrl-C", action: long)]),
        .choices([DialogBox.Choice(ticked: true, name: "Calendars.Read", summary: long), DialogBox.Choice(ticked: false, name: "日本", summary: "x")], cursor: 1),
        .input(InputLine.Props(text: long, cursor: 12)),
    ])
    static let tableRow = InstanceTable.Row(id: "1001", name: long, tags: "team-a, 日本語タグ", created: "2026-11-29", status: "invalid · disabled · events")
    static func table(_ emptiness: InstanceTable.Emptiness) -> InstanceTable.Props {
        InstanceTable.Props(filter: InputLine.Props(text: "日本", cursor: 1), filterHasCursor: true, summary: "sorted by name ↓ · 3 of 9 matches",
                            progress: "✗ " + long, progressTone: .error, emptiness: emptiness, rows: Array(repeating: tableRow, count: 30),
                            firstRow: 4, rowCount: 90, selected: 6)
    }
    static let detail = InstanceDetail.Props(banner: banner, busy: BusyLine.Props(frame: "⠋", caption: "Enabling the instance…", elapsed: nil), panel: panel,
                                             configuration: (0..<20).map { "key.\($0) = \(long)" }, buttons: ButtonRow.Props(labels: ["Copy token", "Save"], focused: 0, spacing: 1))
    static let footer = Footer.Props(helpText: long + long, notice: long, helpBar: HelpBar.Props(items: [HelpBar.Item(key: "Tab", action: "next"),
                                                                                                       HelpBar.Item(key: "F1", action: long)]))
    static let stepBody = StepBody.Props(content: .form(form), scroll: .followFocus, pinnedButtons: buttons, overlay: busy)

    static func frame(_ body: ScreenFrame.Body) -> ScreenFrame.Props {
        ScreenFrame.Props(header: TitleBar.Props(title: long, position: "Step 2 of 9 · Azure app"), body: body, footer: footer, dialog: dialog)
    }

    /// Every widget, named.
    static var all: [(String, any Widget)] { [
        ("title bar", TitleBar(props: TitleBar.Props(title: long, position: "Step 2 of 9 · Azure app"), theme: theme)),
        ("too small", TooSmallNotice(props: TooSmallNotice.Props(minimumWidth: 80, minimumHeight: 24), theme: theme)),
        ("footer", Footer(props: footer, theme: theme)),
        ("help bar", HelpBar(props: footer.helpBar, theme: theme)),
        ("step header", StepHeader(props: header, theme: theme)),
        ("banner", BannerBlock(props: banner, theme: theme)),
        ("busy line", BusyLine(props: busy, theme: theme)),
        ("buttons", ButtonRow(props: buttons, theme: theme)),
        ("host picker", HostPicker(props: HostPicker.Props(text: long, focused: true), theme: theme)),
        ("input line", InputLine(props: InputLine.Props(text: long, cursor: 50), theme: theme)),
        ("form step", FormStepScreen(props: form, theme: theme)),
        ("authorize", AuthorizeScreen(props: AuthorizeScreen.Props(header: header, banner: banner, busy: nil, url: long, buttons: buttons), theme: theme)),
        ("authorize busy", AuthorizeScreen(props: AuthorizeScreen.Props(header: header, banner: nil, busy: busy, url: nil, buttons: buttons), theme: theme)),
        ("submitting", SubmittingScreen(props: SubmittingScreen.Props(frame: "⠋", caption: "Creating the instance…", elapsed: "1.2 s"), theme: theme)),
        ("review", ReviewScreen(props: review, theme: theme)),
        ("result created", ResultScreen(props: ResultScreen.Props(heading: long, tone: .success, banner: banner, instance: panel), theme: theme)),
        ("result failed", ResultScreen(props: ResultScreen.Props(heading: "✗ The instance was not created", tone: .error, banner: banner, advice: long), theme: theme)),
        ("instance panel", InstancePanel(props: panel, theme: theme)),
        ("dialog", DialogBox(props: dialog, theme: theme)),
        ("table", InstanceTable(props: table(.none), theme: theme)),
        ("table, no match", InstanceTable(props: table(.noMatch(long)), theme: theme)),
        ("table, no instances", InstanceTable(props: table(.noInstances), theme: theme)),
        ("detail", InstanceDetail(props: detail, theme: theme)),
        ("step body", StepBody(props: stepBody, theme: theme)),
        ("scrolled lines", ScrolledLines(props: ScrolledLines.Props(scroll: .offset(3)), lines: FormStepScreen(props: form, theme: theme).lines(width: 80), theme: theme)),
        ("frame, step", ScreenFrame(props: frame(.step(stepBody)), theme: theme)),
        ("frame, table", ScreenFrame(props: frame(.instances(table(.none))), theme: theme)),
        ("frame, detail", ScreenFrame(props: frame(.instance(detail)), theme: theme)),
    ] }
}

/// Any widget in any area: it never traps (ratatui's `render_in_zero_size_buffer`), draws nothing
/// outside its area, and puts the cursor, if anywhere, inside it.
@Suite("Widgets")
struct WidgetTests {
    static let outside = Cell(character: "#", style: Style(foreground: .magenta))

    @Test("Every widget renders into any area without trapping and stays inside it",
          arguments: [(0, 0), (1, 1), (2, 1), (1, 3), (7, 2), (30, 9), (80, 24), (121, 41)])
    func staysInsideItsArea(width: Int, height: Int) {
        for (name, widget) in WidgetCatalog.all {
            // Room on every side, marked, so a write outside the area shows.
            var buffer = CellBuffer(width: width + 7, height: height + 5)
            for row in 0..<buffer.height { buffer.write(String(repeating: "#", count: buffer.width), column: 0, row: row, style: Self.outside.style) }
            let area = Rect(x: 3, y: 2, width: width, height: height)
            widget.render(into: area, buffer: &buffer)
            for row in 0..<buffer.height {
                for column in 0..<buffer.width where !(column >= area.x && column < area.right && row >= area.y && row < area.bottom) {
                    #expect(buffer[column, row] == Self.outside, "\(name) at \(width)×\(height) drew at \(column),\(row)")
                }
            }
            if let cursor = buffer.cursor {
                let inside = cursor.column >= area.x && cursor.column < area.right && cursor.row >= area.y && cursor.row < area.bottom
                #expect(inside, "\(name) at \(width)×\(height) put the cursor outside its area")
            }
        }
    }

    @Test("Every widget renders into a zero-size buffer")
    func zeroSizeBuffer() {
        for (name, widget) in WidgetCatalog.all {
            var buffer = CellBuffer(width: 0, height: 0)
            widget.render(into: Rect(x: 0, y: 0, width: 0, height: 0), buffer: &buffer)
            widget.render(into: Rect(x: 0, y: 0, width: 1, height: 1), buffer: &buffer)
            #expect(buffer.cells.isEmpty && buffer.cursor == nil, "\(name)")
        }
    }

    @Test("No widget sees a wizard: the widget files import neither the flows nor the client")
    func widgetsImportNoState() throws {
        let file = #filePath
        let sources = String(file[..<file.range(of: "/Tests/")!.lowerBound]) + "/Sources/TerminalUI/Widgets"
        let directory = try #require(opendir(sources))
        defer { closedir(directory) }
        var checked = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".swift"), let handle = fopen(sources + "/" + name, "r") else { continue }
            defer { fclose(handle) }
            checked += 1
            var line = [CChar](repeating: 0, count: 4096)
            while fgets(&line, Int32(line.count), handle) != nil {
                let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let words = text.split(whereSeparator: \.isWhitespace)
                if let index = words.firstIndex(of: "import"), index + 1 < words.count {
                    #expect(!["Wizard", "OpenConnectors"].contains(words[index + 1]), "\(name): \(text)")
                }
            }
        }
        #expect(checked > 10)
    }
}
