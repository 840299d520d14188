import LineUI
import OpenConnectors
import LineUI
import SystemPorts
import Wizard

/// `ocwizard recover --no-input`: print matching instances, or re-authenticate one.
struct NonInteractiveRecover {
    /// Which instances to print.
    struct Query {
        var id: Int?
        var name: String?
        var tags: [String]
    }

    let values: ValueSources
    let connection: ConnectionSettings
    let query: Query
    let json: Bool
    let reauthenticate: Bool
    let ports: Ports
    /// How long a sign-in through the browser is waited for (a loopback callback and no code).
    var signInWait = BatchSignIn.codeLifetime

    /// Runs; returns the exit status.
    func run() async -> ExitStatus {
        let console = ports.terminal
        var form = values.form
        // A loopback --callback-url without a code: the code comes from the browser (BatchSignIn).
        // Without a code and without --callback-url, the instance's own callback URL decides
        // once the instance is read: a loopback one signs in the same way.
        var signsIn = reauthenticate && BatchSignIn.applies(to: form)
        let instanceCallbackMayDecide = reauthenticate && form.normalized(.code).isEmpty && form.normalized(.callbackURL).isEmpty
        var needed: [ParameterID] = [.baseURL, .userSecret, .organizationSecret]
        if reauthenticate { needed += [.apiKey, .apiSecret] + (signsIn || instanceCallbackMayDecide ? [] : [.code]) }
        let problems = Validator.problems(in: form, for: needed).errors
        for problem in problems {
            console.printError("ocwizard: error: \(problem.wireKey): \(problem.message) Set \(ValueSources.howToSet(problem.parameter)).")
        }
        guard problems.isEmpty else { return .invalidInput }
        let log = VerboseLog(enabled: connection.verbose, immediate: true, console: console)
        let client = OpenConnectorsClient(transport: Transports.make(connection, log: log.append), baseURL: form.normalized(.baseURL), credentials: Credentials(form: form))
        do {
            if reauthenticate, let id = query.id {
                // The client keeps the instance's callback URL unless one was given; the instance
                // as it was is read first, so event settings the service dropped can be named.
                let before = try await client.getInstance(id: id)
                var callback = form.normalized(.callbackURL)
                if instanceCallbackMayDecide {
                    let own = before.configuration[ParameterTable[.callbackURL].wireKey] ?? ""
                    guard LoopbackCallback(own) != nil else {
                        console.printError("ocwizard: error: \(ParameterTable[.code].wireKey): a grant code is needed: the instance's callback URL is not a loopback one ocwizard can listen on. Set \(ValueSources.howToSet(.code)).")
                        return .invalidInput
                    }
                    callback = own
                    signsIn = true
                }
                if signsIn, let loopback = LoopbackCallback(callback) {
                    let request = AuthorizationRequest(baseURL: client.baseURL, credentials: Credentials(form: form), apiKey: form.normalized(.apiKey),
                                                       apiSecret: form.secret(.apiSecret), callbackURL: callback,
                                                       scope: before.configuration["oauth.scope"] ?? form.normalized(.scope),
                                                       state: Randomness(source: ports.random).oauthState())
                    let performer = LiveEffects(transport: Transports.make(connection, log: log.append), ports: ports)
                    switch await BatchSignIn(performer: performer, console: console, wait: signInWait).redirectedAddress(for: request, callback: loopback) {
                    case .success(let address): form[.code] = address
                    case .failure(let failure):
                        console.printError("ocwizard: \(TextSafety.visible(failure.message))")
                        return failure.status
                    }
                }
                let instance: Instance
                do {
                    instance = try await client.reauthenticate(id: id, code: InstanceRequest.grantCode(in: form), apiKey: form.normalized(.apiKey),
                                                               apiSecret: form.secret(.apiSecret), callbackURL: callback.isEmpty ? nil : callback)
                } catch where error.isOutcomeUnknown {
                    // It may have been applied (and the code used): read the instance again and compare.
                    let reread: Result<Instance, OpenConnectorsError>
                    do { reread = .success(try await client.getInstance(id: id)) } catch { reread = .failure(error) }
                    CreateOutput.report(LostReauthentication(cause: error, before: before).banner(reread: reread), warning: true, to: console)
                    guard case .success(let after) = reread, LostReauthentication.applied(before: before, after: after) else { return .outcomeUnknown }
                    instance = after
                }
                let lost = EventSetting.lost(before: before, after: instance)
                for line in Reauthentication.eventSettingsWarning(instance: instance, lost: lost) { console.printError("ocwizard: warning: \(TextSafety.visible(line))") }
                console.printOutput(json ? RecoverOutput.json(instance, baseURL: client.baseURL) : RecoverOutput.text([instance]))
                return .success
            }
            let matches = try await find(client, console: console)
            guard matches.count > 0 else {
                console.printError("ocwizard: no Microsoft Graph instance matches\(describe(query)).")
                return .invalidInput
            }
            console.printOutput(bytes: matches.bytes)
            return .success
        } catch {
            if case .api(let failure) = error, failure.kind == .notFound, let id = query.id, !reauthenticate {
                console.printError("ocwizard: there is no instance \(id) in this account.")
                return .invalidInput
            }
            CreateOutput.report(error, to: console)
            return ExitStatus(error)
        }
    }

    /// The instances the query selects, already written out. A name is sent as `searchText` (a
    /// substring, so it narrows the listing) and matched exactly here; tags and the connector are
    /// checked by the client on every page. Each page is written out while the next one is on the
    /// wire. A listing ocwizard had to stop is reported on stderr.
    private func find(_ client: OpenConnectorsClient, console: any TerminalDevice) async throws(OpenConnectorsError) -> RecoverOutput.Listing {
        var matches = RecoverOutput.Listing(json: json, single: query.id != nil, baseURL: client.baseURL)
        if let id = query.id {
            matches.add([try await client.getInstance(id: id)])
            return matches
        }
        try await client.forEachPage(filter: InstanceFilter(tags: query.tags, searchText: query.name, hydrate: false)) { page in
            matches.add(page.instances.filter { query.name == nil || $0.name == query.name })
            if let stop = page.stopped { console.printError("ocwizard: warning: \(TextSafety.visible(stop.message))") }
        }
        return matches
    }

    private func describe(_ query: Query) -> String {
        var parts: [String] = []
        if let name = query.name { parts.append("name \"\(TextSafety.visible(name))\"") }
        if !query.tags.isEmpty { parts.append("tags \(TextSafety.visible(query.tags.joined(separator: ", ")))") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " and ")
    }
}

/// How recovered instances are printed.
enum RecoverOutput {
    /// One instance in the one JSON shape (`InstanceDocument.keys`).
    static func jsonValue(_ instance: Instance, baseURL: String) -> JSONValue {
        InstanceDocument.json(instance, baseURL: baseURL)
    }

    /// One instance as indented JSON.
    static func json(_ instance: Instance, baseURL: String) -> String { jsonValue(instance, baseURL: baseURL).prettyText }

    /// Found instances written out as they arrive, page by page: indented JSON (an array, or the
    /// one object when an id was asked for) or one text line each, into one buffer.
    struct Listing {
        let json: Bool
        /// An id was asked for: one JSON object, not an array.
        let single: Bool
        let baseURL: String
        /// The instances written so far, separated (`,\n  ` between JSON items, a newline between lines).
        private var written: [UInt8] = []
        /// How many instances were found.
        private(set) var count = 0

        init(json: Bool, single: Bool, baseURL: String) {
            self.json = json; self.single = single; self.baseURL = baseURL
        }

        /// Writes out `instances` now.
        mutating func add(_ instances: [Instance]) {
            for instance in instances {
                if count > 0 { written.append(contentsOf: (json ? ",\n  " : "\n").utf8) }
                if json {
                    RecoverOutput.jsonValue(instance, baseURL: baseURL).writePretty(into: &written, level: single ? 0 : 1)
                } else {
                    written.append(contentsOf: RecoverOutput.text([instance]).utf8)
                }
                count += 1
            }
        }

        /// Everything found, as printed (UTF-8).
        var bytes: [UInt8] {
            guard json, !(single && count == 1) else { return written }
            return count == 0 ? Array("[]".utf8) : Array("[\n  ".utf8) + written + Array("\n]".utf8)
        }
    }

    /// One line per instance: id, name, token.
    static func text(_ instances: [Instance]) -> String {
        instances.map { "\($0.id)\t\(TextSafety.visible($0.name))\t\(TextSafety.visible($0.token?.revealed ?? "-"))" }.joined(separator: "\n")
    }
}
