import Testing
@testable import NagRules

@Suite struct SubTemplateTests {
    @Test func literalsAndReferences() {
        let sub = SubTemplate(parsing: "arn:${AWS::Partition}:s3:::${Bucket}/${Db.Endpoint.Address}")
        #expect(sub.parts == [
            .literal("arn:"), .reference(name: "AWS::Partition", attribute: nil), .literal(":s3:::"),
            .reference(name: "Bucket", attribute: nil), .literal("/"),
            .reference(name: "Db", attribute: "Endpoint.Address"),
        ])
        #expect(sub.referencedNames == ["AWS::Partition", "Bucket", "Db"])
    }

    @Test func bangEscapesALiteral() {
        let sub = SubTemplate(parsing: "a-${!Literal}-${X}-${!Y.Z}b")
        #expect(sub.parts == [.literal("a-${Literal}-"), .reference(name: "X", attribute: nil), .literal("-${Y.Z}b")])
        #expect(sub.referencedNames == ["X"])
    }

    @Test func spacesInsideBracesAreTrimmed() {
        #expect(SubTemplate(parsing: "${ Name }").parts == [.reference(name: "Name", attribute: nil)])
        #expect(SubTemplate(parsing: "${ A.B }").parts == [.reference(name: "A", attribute: "B")])
    }

    @Test func textWithoutReferences() {
        #expect(SubTemplate(parsing: "").parts == [])
        #expect(SubTemplate(parsing: "plain $ {x} $x").parts == [.literal("plain $ {x} $x")])
        // An unclosed `${` is literal text.
        #expect(SubTemplate(parsing: "a ${b").parts == [.literal("a ${b")])
        #expect(SubTemplate(parsing: "${A}${B").parts == [.reference(name: "A", attribute: nil), .literal("${B")])
    }

    @Test func adjacentReferencesAndUnicode() {
        let sub = SubTemplate(parsing: "é${A}${B}ü")
        #expect(sub.parts == [.literal("é"), .reference(name: "A", attribute: nil),
                              .reference(name: "B", attribute: nil), .literal("ü")])
    }

    /// ASCII text is read on its bytes, other text character by character: both readings agree. A trailing `é`
    /// sends the same text down the character path, and only the last literal changes.
    @Test(arguments: ["arn:${AWS::Partition}:s3:::${Bucket}/${Db.Endpoint.Address}", "a-${!Literal}-${X}-${!Y.Z}b",
                      "${ A.B }", "plain $ {x} $x", "a ${b", "${A}${B", "$${A}}${}", "${!}${ }x", "{\"k\": \"${V}\"}"])
    func byteAndCharacterReadingsAgree(text: String) {
        var expected = SubTemplate(parsing: text + "é").parts
        if case .literal(let last)? = expected.last {
            expected[expected.count - 1] = .literal(String(last.dropLast()))
            if last == "é" { expected.removeLast() }
        }
        #expect(SubTemplate(parsing: text).parts == expected)
    }

    @Test func jsonInsideSubKeepsItsBraces() {
        // Policy documents inside Fn::Sub: `{` without `$` is text, the first `}` closes a `${`.
        let sub = SubTemplate(parsing: #"{"Resource": "${Bucket.Arn}/*"}"#)
        #expect(sub.parts == [.literal(#"{"Resource": ""#), .reference(name: "Bucket", attribute: "Arn"), .literal(#"/*"}"#)])
    }
}
