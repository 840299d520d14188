import Foundation
import OpenConnectors
import Testing

/// The `POST /instances` body and the `Authorization` header.
@Suite("Request building")
struct InstanceRequestTests {
    @Test("the seed's curl example is not valid JSON as published: the comma after oauth.api.secret is missing")
    func seedExampleNeedsItsComma() throws {
        #expect(throws: (any Error).self) { try foundationJSON(Fixtures.seedCurlBodyAsPublished) }
        _ = try foundationJSON(Fixtures.seedCurlBody)
    }

    @Test("the body built from the seed's example values equals the seed's example body")
    func bodyEqualsSeed() throws {
        let body = InstanceRequest.body(from: Fixtures.seedExampleForm())
        let expected = try foundationJSON(Fixtures.seedCurlBody)
        #expect(try foundationJSON(body.compactText) == expected)
        #expect(try foundationJSON(body.prettyText) == expected)
        #expect(try body == decode(JSONValue.self, Fixtures.seedCurlBody))
    }

    @Test("keys come in the seed's order: element, providerData, configuration, tags, name")
    func keyOrder() {
        let body = InstanceRequest.body(from: Fixtures.seedExampleForm())
        #expect(body.keys == ["element", "providerData", "configuration", "tags", "name"])
        #expect(body["configuration"]?.keys == [
            "oauth.callback.url", "oauth.api.key", "oauth.api.secret", "oauth.scope",
            "event.notification.enabled", "event.notification.callback.url",
        ])
        #expect(body.compactText.hasPrefix(#"{"element":{"key":"microsoftgraph"},"providerData":{"code":"xoz8AFqScK2ngM04kSSM"},"configuration":{"oauth.callback.url":"#))
    }

    @Test("event.notification.enabled is a JSON boolean, not a string")
    func eventFlagIsBoolean() {
        var form = Fixtures.seedExampleForm()
        form[.eventsEnabled] = " YES "
        let body = InstanceRequest.body(from: form)
        #expect(body["configuration"]?["event.notification.enabled"] == .bool(true))
        #expect(body.compactText.contains(#""event.notification.enabled":true,"#))
        #expect(!body.compactText.contains(#""true""#))
    }

    @Test("with events off the flag is false and no other event key is sent, even when typed")
    func eventsOff() {
        var form = Fixtures.seedExampleForm()
        form[.eventsEnabled] = "false"
        form[.signatureKey] = "0123456789abcdef0123"
        let configuration = InstanceRequest.body(from: form)["configuration"]
        #expect(configuration?.keys == ["oauth.callback.url", "oauth.api.key", "oauth.api.secret", "oauth.scope", "event.notification.enabled"])
        #expect(configuration?["event.notification.enabled"] == .bool(false))
    }

    @Test("the signature key is sent with events on")
    func signatureKeySent() {
        var form = Fixtures.seedExampleForm()
        form[.signatureKey] = " 0123456789abcdef0123 "
        let configuration = InstanceRequest.body(from: form)["configuration"]
        #expect(configuration?.keys.last == "event.notification.signature.key")
        #expect(configuration?["event.notification.signature.key"] == .string("0123456789abcdef0123"))
    }

    @Test("optional values left empty are left out: no tags key, no empty configuration values")
    func emptyOptionalsLeftOut() {
        var form = Fixtures.seedExampleForm()
        form[.tags] = "  "
        form[.signatureKey] = ""
        form[.apiKey] = ""
        let body = InstanceRequest.body(from: form)
        #expect(body.keys == ["element", "providerData", "configuration", "name"])
        #expect(body["configuration"]?["oauth.api.key"] == nil)
        #expect(body["configuration"]?["event.notification.signature.key"] == nil)
    }

    @Test("values are sent normalised: trimmed, scope collapsed, tags split, code taken out of a pasted URL")
    func normalisedValues() {
        var form = Fixtures.seedExampleForm()
        form[.name] = "  API Instance \n"
        form[.scope] = " Calendars.Read \n Calendars.ReadWrite  offline_access"
        form[.tags] = " Docs, my-wizard ,"
        form[.code] = "https://mycoolapp.com/?code=xoz8AFq%2FScK2\nngM04kSSM&state=s1"
        let body = InstanceRequest.body(from: form)
        #expect(body["name"] == .string("API Instance"))
        #expect(body["configuration"]?["oauth.scope"] == .string("Calendars.Read Calendars.ReadWrite offline_access"))
        #expect(body["tags"] == .array([.string("Docs"), .string("my-wizard")]))
        #expect(body["providerData"]?["code"] == .string("xoz8AFq/ScK2ngM04kSSM"))
        #expect(InstanceRequest.grantCode(in: form) == "xoz8AFq/ScK2ngM04kSSM")
    }

    @Test("the element key is always microsoftgraph")
    func elementKey() {
        var form = Fixtures.seedExampleForm()
        form[.elementKey] = "sfdc"
        #expect(InstanceRequest.body(from: form)["element"] == .object([("key", .string("microsoftgraph"))]))
    }

    @Test("the Authorization header is exactly `User <u>, Organization <o>`")
    func authorizationHeader() {
        #expect(Credentials(userSecret: "u+1/=", organizationSecret: "o2").authorizationHeader == "User u+1/=, Organization o2")
        var form = InstanceForm()
        form[.userSecret] = " u \n"
        form[.organizationSecret] = "\to "
        #expect(Credentials(form: form) == Credentials(userSecret: "u", organizationSecret: "o"))
        #expect(Credentials(form: form).authorizationHeader == "User u, Organization o")
    }

    @Test("JSON text escapes quotes, backslashes, control characters and line separators")
    func jsonEscaping() throws {
        let text = "a\"b\\c\nd\te\u{1}f\u{7F}g\u{2028}h é 📅\u{9B}31m\u{85}"
        #expect(JSONValue.quoted(text) == #""a\"b\\c\nd\te\u0001f\u007fg\u2028h é 📅\u009b31m\u0085""#)
        #expect(try decode(String.self, JSONValue.quoted(text)) == text)
        let value = JSONValue.object([("n", .integer(3)), ("x", .number(1.5)), ("z", .number(2)), ("nil", .null), ("list", .array([])), ("o", .object([]))])
        #expect(value.compactText == #"{"n":3,"x":1.5,"z":2,"nil":null,"list":[],"o":{}}"#)
        #expect(JSONValue.array([.bool(true)]).prettyText == "[\n  true\n]")
    }
}
