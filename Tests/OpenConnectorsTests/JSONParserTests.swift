import FoundationEssentials
@testable import OpenConnectors
import PropertyBased
import Testing

/// The listing's own JSON reader: it must read exactly what Foundation's decoder reads, refuse
/// what it refuses, and give instances the same values.
@Suite("JSON parser")
struct JSONParserTests {
    /// Foundation's reading of `text`, or `nil` when it refuses it.
    private func foundation(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test("valid JSON (and a trailing comma, which Foundation lets through) reads as Foundation reads it", arguments: [
        "null", "true", "false", "0", "-0", "7", "-12", "1.5", "-0.25", "1e3", "1E-2", "2.5e+4", "123456789012345678901234567890",
        "9223372036854775807", "-9223372036854775808", "\"\"", "\"plain\"", #""a\"b\\c\/d\b\f\n\r\t""#, #""\u00e9\u4e2d\ud83d\udcc5""#,
        "\"é中📅\"", "[]", "{}", " [ 1 , [ 2 , { } ] ] ", "\n\t{\"a\" : [null, true, {\"b\": \"c\"}], \"d\": -1.0e-3}\r\n",
        #"[{"id":1,"name":"a","tags":["t",{"name":"u"}],"configuration":{"x":true,"y":15}}]"#,
        "[1,]", "{\"a\":1,}", "[1, {\"b\": [2,],},]",
    ])
    func agreesOnValid(_ text: String) throws {
        let ours = try JSONParser.parse(text)
        let theirs = try #require(foundation(text))
        #expect(ours == theirs)
    }

    @Test("invalid JSON is refused, as Foundation refuses it", arguments: [
        "", " ", "tru", "nul", "[,]", "[1,,]", "{,}", "[1 2]", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1",
        "\"unterminated", "\"raw\ncontrol\"", "\"bad \\x escape\"", "\"\\u12\"", "[1] 2", "{\"a\":1}}", "[", "'single'",
    ])
    func refusesInvalid(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
        #expect(foundation(text) == nil)
    }

    @Test("a lone surrogate, invalid UTF-8 and nesting past the limit are refused")
    func refusesHostile() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(#""\ud800""#) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(#""\udc00x""#) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0x61, 0x5C, 0x6E, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let limit = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect((try? JSONParser.parse(limit)) != nil)
    }

    @Test("any text written as JSON reads back the same, as a string, a key and inside arrays")
    func roundTrip() async {
        await propertyCheck(count: 400, input: Arbitrary.text, Arbitrary.text) { key, text throws in
            let value = JSONValue.object([(key, .array([.string(text), .integer(text.utf8.count), .null])), ("n", .number(0.5))])
            #expect(try JSONParser.parse(value.compactText) == value)
            #expect(try JSONParser.parse(value.prettyText) == value)
            #expect(try JSONParser.parse(JSONValue.quoted(text)) == .string(text))
        }
    }

    /// Instance answers from the decoding tests: both readers must give the same instance.
    static let instanceTexts = [
        #"{"id":7}"#, #"{"id":"12345","name":"x"}"#, Fixtures.documentedInstanceResponse,
        #"{"id":1,"tags":[{"id":12,"name":"my_first_tag"},{"id":13,"name":"second"}]}"#,
        #"{"id":1,"tags":["plain",{"id":12,"name":"object"},{"id":14},7,null]}"#, #"{"id":1,"tags":"not-a-list"}"#,
        #"{"id": 3, "name": "n", "brandNew": {"nested": [1, 2, {"x": null}]}, "valid": "yes", "disabled": null, "eventsEnabled": false, "element": {"key": "microsoftgraph", "id": "17314", "extra": true}, "user": {"id": "42", "emailAddress": "dev@example.com", "unknown": 1}, "token": 99}"#,
        #"{"id": 1, "configuration": {"event.notification.enabled": true, "event.poller.refresh_interval": 15, "ratio": 1.5, "oauth.scope": "a b", "nested": {"x": 1}, "none": null}}"#,
        #"{"id":1,"createdDate":"2024-03-01T10:15:30Z"}"#, #"{"id":1,"createdDate":1709288130000}"#,
        #"{"id":2,"valid":"TRUE","disabled":"False","eventsEnabled":"true","element":{"key":5},"user":"someone"}"#,
        #"{"id":2,"name":"first","name":"second","token":"tok"}"#,
    ]

    @Test("an instance reads the same through the listing's parser as through Decodable", arguments: instanceTexts)
    func instanceAgrees(_ text: String) throws {
        let decoded = try JSONDecoder().decode(Instance.self, from: Data(text.utf8))
        #expect(try Instance(json: JSONParser.parse(text)) == decoded)
    }

    @Test("an instance both readers refuse is refused by both", arguments: [
        #"{"name":"no id"}"#, #"{"id":"12a"}"#, #"{"id":null}"#, #"{"id":1,"name":5}"#, #"[1]"#, #""text""#,
    ])
    func instanceRefusals(_ text: String) {
        #expect(throws: JSONShapeError.self) { try Instance(json: JSONParser.parse(text)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Instance.self, from: Data(text.utf8)) }
    }
}
