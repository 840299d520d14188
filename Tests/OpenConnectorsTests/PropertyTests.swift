import OpenConnectors
import PropertyBased
import Testing

/// Properties that must hold for any text a person (or a clipboard) can produce.
@Suite("Properties over arbitrary Unicode")
struct PropertyTests {
    @Test("validation never crashes, and every problem names its parameter and starts with its label")
    func validationNeverCrashes() async {
        await propertyCheck(count: 300, input: Arbitrary.text, Gen.bool) { text, eventsEnabled in
            for row in ParameterTable.all {
                var form = Fixtures.validForm(eventsEnabled: eventsEnabled)
                form[row.id] = text
                for problem in Validator.problems(in: form, expectedState: "xyz") where problem.parameter == row.id {
                    #expect(problem.wireKey == row.wireKey)
                    #expect(problem.message.hasPrefix(row.label + " "), "\(row.id): \(problem.message)")
                }
            }
        }
    }

    @Test("normalising twice equals normalising once, for every parameter")
    func normalisingIsIdempotent() async {
        await propertyCheck(count: 500, input: Arbitrary.text) { text in
            for id in ParameterID.allCases {
                let once = Normalizer.normalize(id, text)
                #expect(Normalizer.normalize(id, once) == once, "\(id): \(text.debugDescription) → \(once.debugDescription)")
            }
        }
    }

    @Test("validating the normalised value reports exactly what validating the typed value does")
    func validationSeesNormalisedValue() async {
        await propertyCheck(count: 200, input: Arbitrary.text) { text in
            for id in ParameterID.allCases {
                var typed = Fixtures.validForm(eventsEnabled: true)
                typed[id] = text
                var normalised = typed
                normalised[id] = Normalizer.normalize(id, text)
                #expect(Validator.problems(of: id, in: typed) == Validator.problems(of: id, in: normalised), "\(id): \(text.debugDescription)")
            }
        }
    }

    @Test("GrantCode.parse never crashes on arbitrary text, with or without an expected state")
    func grantCodeNeverCrashes() async {
        await propertyCheck(count: 500, input: Arbitrary.text, Arbitrary.text) { pasted, state in
            _ = GrantCode.parse(pasted)
            _ = GrantCode.parse(pasted, expectedState: state)
        }
    }

    @Test("any code sent back in a redirect URL comes out of the pasted URL unchanged")
    func grantCodeRoundTrip() async {
        await propertyCheck(count: 300, input: Arbitrary.text.filter { !$0.isEmpty }) { code in
            let pasted = "https://mycoolapp.com/oauth/callback?code=\(QueryString.encode(code))&state=xyz"
            let grant = try GrantCode.extract(pasted, expectedState: "xyz").get()
            #expect(grant.code.revealed == code)
            #expect(grant.state == "xyz")
        }
    }

    @Test("query strings: decode(encode(text)) == text, and parse(build(pairs)) == pairs")
    func queryStringRoundTrip() async {
        await propertyCheck(count: 300, input: Arbitrary.text, Arbitrary.text) { name, value in
            #expect(QueryString.decode(Substring(QueryString.encode(value))) == value)
            let pairs = [(name, value), ("b", name)]
            let parsed = QueryString.parse(Substring(QueryString.build(pairs)))
            #expect(parsed.map(\.name) == pairs.map(\.0))
            #expect(parsed.map(\.value) == pairs.map(\.1))
        }
    }

    @Test("JSON string literals read back as the same text")
    func jsonQuotingRoundTrip() async {
        await propertyCheck(count: 300, input: Arbitrary.text) { text throws in
            let literal = JSONValue.quoted(text)
            #expect(try decode(String.self, literal) == text)
        }
    }

    @Test("redaction never lets a secret parameter's value through")
    func redactionHidesSecrets() async {
        let secret = Gen.letterOrNumber.string(of: 8...20)
        await propertyCheck(count: 200, input: secret, Arbitrary.text, Gen.element(of: Array(Redaction.secretQueryNames)).map { $0! }) { value, noise, name in
            let url = "https://h/p?x=\(QueryString.encode(noise))&\(name)=\(value)#\(name)=\(value)"
            #expect(!Redaction.url(url).contains(value), "\(url)")
        }
    }
}
