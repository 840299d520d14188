import Foundation
import Testing
import SystemTesting

@Suite("create --no-input, --json, --dry-run")
struct NoInputCreateTests {
    @Test("A scripted create prints the instance as JSON and the token is the sandbox's")
    func jsonCreate() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        // The code comes from OC_CODE, the form the README recommends (a --code value gets a warning).
        let flags = createFlags(sandbox, code: code, name: "scripted").filter { $0 != "--code" && $0 != code }
        let result = try await runner.run(flags + ["--json", "--tag", "a", "--tag", "b", "--events", "--events-url", "https://example.com/oc-events"],
                                    environment: TestSandbox.secretEnvironment.merging(["OC_SIGNATURE_KEY": "0123456789abcdef0123", "OC_CODE": code]) { $1 })
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["id", "name", "token", "baseUrl", "element", "tags", "valid", "disabled", "eventsEnabled", "createdDate"], "the one instance shape")
        #expect(json["name"] as? String == "scripted")
        #expect(json["tags"] as? [String] == ["a", "b"])
        #expect(json["eventsEnabled"] as? Bool == true)
        let stored = try await sandbox.instances()
        #expect(stored.count == 1)
        #expect(stored.first?["token"] as? String == json["token"] as? String)
        #expect(result.stderr.isEmpty)
        for secret in TestSandbox.secrets + ["0123456789abcdef0123"] { #expect(!result.allOutput.contains(secret)) }
        await sandbox.server.stop()
    }

    @Test("Every missing value is reported at once, by wire key and flag or variable, and nothing is sent")
    func missingValues() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let result = try await runner.run(["create", "--no-input", "--base-url", sandbox.baseURL])
        #expect(result.status == 2)
        for expected in ["Authorization: User", "OC_USER_SECRET", "Authorization: Organization", "OC_ORG_SECRET", "oauth.api.key: ", "--api-key",
                         "oauth.api.secret", "OC_API_SECRET", "oauth.callback.url", "--callback-url", "code: ", "--code", "name: ", "--name"] {
            #expect(result.stderr.contains(expected), "stderr names \(expected)")
        }
        #expect(result.stdout.isEmpty)
        #expect(try await sandbox.instances().isEmpty)
        await sandbox.server.stop()
    }

    @Test("Invalid values are refused with the rule's message", arguments: [
        (["--callback-url", "http://myapp.example.com/cb"], "oauth.callback.url"),
        (["--scope", "Calendars.Read,offline_access"], "oauth.scope"),
        (["--events"], "event.notification.callback.url"),
        (["--events", "--events-url", "http://example.com/e"], "event.notification.callback.url"),
        (["--base-url", "ftp://example.com"], "baseUrl"),
        (["--tag", "a", "--tag", "a"], "tags"),
        (["--code", "https://localhost/cb?error=access_denied&error_description=nope"], "code"),
    ])
    func invalidValues(extra: [String], wireKey: String) async throws {
        let runner = try CommandRunner()
        var arguments = ["create", "--no-input", "--api-key", "id", "--callback-url", "https://localhost/cb", "--code", "M.C507_BAY.2.U.abc-7c1e4d2a", "--name", "n"]
        arguments += extra
        let result = try await runner.run(arguments, environment: TestSandbox.secretEnvironment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: \(wireKey):"), "\(result.stderr)")
    }

    @Test("Each environment variable sets its parameter; a flag overrides it")
    func environmentVariables() async throws {
        let runner = try CommandRunner()
        let environment = [
            "OC_BASE_URL": "https://api.openconnectors.eu10.ext.hana.ondemand.com", "OC_API_KEY": "env-key",
            "OC_CALLBACK_URL": "https://env.example.com/cb", "OC_SCOPE": "User.Read offline_access", "OC_CODE": "env-code-M.C507_BAY.2.U.abc",
            "OC_EVENTS": "yes", "OC_EVENTS_URL": "https://env.example.com/events", "OC_NAME": "env-name", "OC_TAGS": "x, y",
        ]
        let result = try await runner.run(["create", "--dry-run", "--name", "flag-name"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        for expected in ["https://api.openconnectors.eu10.ext.hana.ondemand.com/elements/api-v2/instances", "\"oauth.api.key\": \"env-key\"",
                         "\"oauth.callback.url\": \"https://env.example.com/cb\"", "\"oauth.scope\": \"User.Read offline_access\"",
                         "\"event.notification.enabled\": true", "\"event.notification.callback.url\": \"https://env.example.com/events\"",
                         "\"name\": \"flag-name\"", "\"x\"", "\"y\""] {
            #expect(result.stdout.contains(expected), "dry run shows \(expected)")
        }
        #expect(!result.stdout.contains("env-name"))
        #expect(!result.stdout.contains("env-code-M.C507_BAY.2.U.abc"), "the grant code is a secret: shown as $OC_CODE")
    }

    @Test("A dry run prints the body and a curl command with secrets as variable references, and sends nothing")
    func dryRun() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        let result = try await runner.run(createFlags(sandbox, code: code).filter { $0 != "--no-input" } + ["--dry-run"], environment: TestSandbox.secretEnvironment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("curl --config - '\(sandbox.baseURL)/instances'"))
        #expect(result.stdout.contains("Authorization: User '\"$OC_USER_SECRET\"', Organization '\"$OC_ORG_SECRET\"'"))
        #expect(result.stdout.contains("'\"$OC_API_SECRET\"'"))
        for secret in TestSandbox.secrets { #expect(!result.allOutput.contains(secret)) }
        #expect(try await sandbox.instances().isEmpty)
        // The printed command works when pasted, with the secrets in the environment, and curl's
        // argv (what /proc/<pid>/cmdline shows every user) holds none of them: a curl first on PATH
        // records its arguments, then runs the real one.
        let command = String(result.stdout[result.stdout.range(of: "printf '%s\\n'")!.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        let realCurl = try #require(["/usr/bin/curl", "/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let recorded = runner.home.appendingPathComponent("curl-argv").path
        _ = try runner.executable("bin/curl", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(recorded)'\nexec '\(realCurl)' \"$@\"\n")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command + " -s -o /dev/null -w '%{http_code}'"]
        var environment = TestSandbox.secretEnvironment
        let grantCode = try #require(String(code[code.range(of: "code=")!.upperBound...].prefix { $0 != "&" }).removingPercentEncoding)
        environment["OC_CODE"] = grantCode
        environment["PATH"] = runner.home.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        shell.environment = environment
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        // curl talks to the in-process sandbox: wait for it without holding a cooperative thread.
        let status = await onOwnThread {
            let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            return output
        }
        let argv = try String(contentsOfFile: recorded, encoding: .utf8)
        #expect(argv.contains("--config"), "the wrapper ran: \(argv)")
        for secret in TestSandbox.secrets + [grantCode] { #expect(!argv.contains(secret), "curl's argv holds a secret: \(argv)") }
        #expect(status == "200")
        #expect(try await sandbox.instances().count == 1)
        await sandbox.server.stop()
    }

    @Test("Exit statuses: 3 when the service refuses (used code), 4 on a network failure")
    func exitStatuses() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        #expect(try await runner.run(createFlags(sandbox, code: code, name: "first"), environment: TestSandbox.secretEnvironment).status == 0)
        let reused = try await runner.run(createFlags(sandbox, code: code, name: "second"), environment: TestSandbox.secretEnvironment)
        #expect(reused.status == 3)
        #expect(reused.stderr.contains("AADSTS54005"))
        #expect(reused.stderr.contains("sign in again"))
        let refused = try await runner.run(["create", "--no-input", "--base-url", "http://127.0.0.1:1/elements/api-v2", "--api-key", TestSandbox.clientID,
                                      "--callback-url", "https://localhost/cb", "--code", "M.C507_BAY.2.U.abc-7c1e4d2a", "--name", "n"], environment: TestSandbox.secretEnvironment)
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("Could not connect"))
        await sandbox.server.stop()
    }

    @Test("The verbose log names each request but never a secret")
    func verboseLog() async throws {
        let sandbox = try await TestSandbox.start()
        let runner = try CommandRunner()
        let code = try await sandbox.signIn()
        let result = try await runner.run(createFlags(sandbox, code: code) + ["-v", "--json"], environment: TestSandbox.secretEnvironment)
        #expect(result.status == 0)
        #expect(result.stderr.contains("POST \(sandbox.baseURL)/instances → 200"))
        let grant = String(code[code.range(of: "code=")!.upperBound...].prefix { $0 != "&" })
        let token = try #require(try await sandbox.instances().first?["token"] as? String)
        for secret in TestSandbox.secrets + [grant, token] { #expect(!result.stderr.contains(secret)) }
        await sandbox.server.stop()
    }

    @Test("--json without --no-input is refused before anything runs")
    func jsonNeedsNoInput() async throws {
        let result = try await CommandRunner().run(["create", "--json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--json goes with --no-input"))
    }
}

@Suite("libcurl loading")
struct LibraryLoadingTests {
    @Test("Without a usable libcurl, a request fails with exit 4 and says what to install; nothing crashes")
    func missingLibcurl() async throws {
        let runner = try CommandRunner()
        // An empty file where the loader looks first: dlopen finds it and refuses it.
        let fake = runner.home.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: fake.appendingPathComponent("libcurl.so.4").path, contents: Data())
        let result = try await runner.run(["create", "--no-input", "--base-url", "http://127.0.0.1:1/elements/api-v2", "--api-key", TestSandbox.clientID,
                                           "--callback-url", "https://localhost/cb", "--code", "M.C507_BAY.2.U.abc-7c1e4d2a", "--name", "n"],
                                          environment: TestSandbox.secretEnvironment.merging(["LD_LIBRARY_PATH": fake.path]) { $1 })
        #expect(result.status == 4)
        #expect(result.stderr.contains("libcurl"))
        #expect(result.stderr.contains("apt-get install libcurl4"))
        // The screen-less commands that send nothing still work.
        let dryRun = try await runner.run(["create", "--dry-run", "--api-key", TestSandbox.clientID, "--callback-url", "https://localhost/cb", "--name", "n"],
                                          environment: ["LD_LIBRARY_PATH": fake.path])
        #expect(dryRun.status == 0)
    }
}
