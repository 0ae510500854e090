import Testing
@testable import NagRules

private func parseYAML(_ text: String, limits: LoadLimits = .default) throws -> Value {
    try parseYAMLBytes(Array(text.utf8), limits: limits)
}

private func parseYAMLBytes(_ bytes: [UInt8], limits: LoadLimits = .default) throws -> Value {
    try bytes.withUnsafeBytes { try YAMLParser.parse($0, limits: limits) }
}

/// The ParseError a document produces (failing the test when it loads).
private func parseFailure(_ text: String, limits: LoadLimits = .default,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParseError? {
    parseFailureBytes(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

private func parseFailureBytes(_ bytes: [UInt8], limits: LoadLimits = .default,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParseError? {
    do {
        let value = try parseYAMLBytes(bytes, limits: limits)
        Issue.record("expected a parse error, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as ParseError {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

private func pos(_ line: Int, _ column: Int) -> Position { Position(line: line, column: column) }

private func str(_ s: String) -> Value { Value(.string(s), at: .start) }
private func list(_ items: Value...) -> Value { Value(.list(items), at: .start) }
private func call(_ name: IntrinsicName, _ argument: Value) -> Value {
    Value(.intrinsic(Intrinsic(name: name, argument: argument)), at: .start)
}

@Suite struct YAMLParserTests {
    // MARK: Positions

    @Test func positionsOfScalarsKeysAndNestedValues() throws {
        let root = try parseYAML("""
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - Key: a
                      Value:   é-b
            """)
        let map = try #require(root.mapValue)
        #expect(root.position == pos(1, 1))
        #expect(map.entry("AWSTemplateFormatVersion")?.keyPosition == pos(1, 1))
        #expect(map["AWSTemplateFormatVersion"]?.position == pos(1, 27))
        #expect(map["AWSTemplateFormatVersion"]?.stringValue == "2010-09-09")
        let resources = try #require(map.entry("Resources"))
        #expect(resources.keyPosition == pos(2, 1))
        #expect(resources.value.position == pos(3, 3))
        let bucket = try #require(root["Resources"]?["Bucket"])
        #expect(bucket.position == pos(4, 5))
        #expect(bucket.mapValue?.entry("Type")?.keyPosition == pos(4, 5))
        #expect(bucket["Type"]?.position == pos(4, 11))
        let tags = try #require(bucket["Properties"]?["Tags"])
        #expect(tags.position == pos(7, 9))
        let tag = try #require(tags.listValue?.first)
        #expect(tag.position == pos(7, 11))
        #expect(tag.mapValue?.entry("Value")?.keyPosition == pos(8, 11))
        #expect(tag["Value"]?.position == pos(8, 20))
        #expect(tag["Value"]?.stringValue == "é-b")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try parseYAML("ééé: [x, !Ref  y]\n")
        let items = try #require(root["ééé"]?.listValue)
        #expect(items[0].position == pos(1, 7))
        #expect(items[1].position == pos(1, 10))
        #expect(items[1].intrinsicValue?.argument.position == pos(1, 16))
    }

    @Test func flowCollectionsAndBlockScalars() throws {
        let root = try parseYAML("""
            A: {x: 1, y: [a, "b"]}
            B: |
              line one
              line two
            C: >-
              folded
              text
            D: 'it''s'
            """)
        #expect(root["A"]?.position == pos(1, 4))
        #expect(root["A"]?["y"]?.listValue?[1].position == pos(1, 18))
        #expect(root["A"]?["y"]?.listValue?[1].stringValue == "b")
        #expect(root["B"]?.stringValue == "line one\nline two\n")
        #expect(root["B"]?.position == pos(2, 4))
        #expect(root["C"]?.stringValue == "folded text")
        #expect(root["D"]?.stringValue == "it's")
    }

    @Test func repeatedLongStringsAndTagsLoadCorrectly() throws {
        var text = ""
        for index in 0..<3000 {
            text += "ServerSideEncryptionConfiguration\(index):\n"
            text += "  PrincipalServiceName: lambda.amazonaws.com\n"
            text += "  Other: lambda.amazonaws.con\n"
            text += "  Arn: !GetAtt VeryLongLogicalResourceName\(index % 7).Arn\n"
            text += "  Ref: !Ref VeryLongLogicalResourceName\n"
        }
        let map = try #require(try parseYAML(text).mapValue)
        #expect(map.count == 3000)
        let last = try #require(map["ServerSideEncryptionConfiguration2999"])
        #expect(last["PrincipalServiceName"]?.stringValue == "lambda.amazonaws.com")
        #expect(last["Other"]?.stringValue == "lambda.amazonaws.con")
        #expect(last["Arn"] == call(.getAtt, list(str("VeryLongLogicalResourceName3"), str("Arn"))))
        #expect(last["Ref"] == call(.ref, str("VeryLongLogicalResourceName")))
        #expect(last.mapValue?.entry("Ref")?.keyPosition == pos(15_000, 3))
    }

    // MARK: Scalar typing

    /// Matches PyYAML's SafeLoader (YAML 1.1), which cfn-lint uses.
    @Test(arguments: [
        ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("", "null"),
        ("nULL", "string"), ("~~", "string"),
        ("true", "true"), ("True", "true"), ("TRUE", "true"), ("tRUE", "string"),
        ("yes", "true"), ("Yes", "true"), ("YES", "true"), ("on", "true"), ("On", "true"), ("ON", "true"),
        ("false", "false"), ("False", "false"), ("FALSE", "false"),
        ("no", "false"), ("No", "false"), ("NO", "false"), ("off", "false"), ("Off", "false"), ("OFF", "false"),
        ("y", "string"), ("n", "string"), ("nO", "string"),
        ("0", "number"), ("12", "number"), ("-12", "number"), ("+12", "number"), ("1_000", "number"),
        ("0x1F", "number"), ("0xff", "number"), ("0b1010", "number"), ("017", "number"), ("0_7", "number"),
        ("09", "string"), ("0o17", "string"), ("0x", "string"), ("0b", "string"), ("0b2", "string"),
        ("1:30", "number"), ("190:20:30", "number"), ("1:70", "string"), ("0:30", "string"),
        ("1.5", "number"), ("-1.5", "number"), ("1.", "number"), (".5", "number"), ("-.5", "string"),
        ("1.0e+3", "number"), ("1.0E-3", "number"), ("1.0e3", "string"), ("1e3", "string"), ("1e+3", "string"),
        (".inf", "number"), ("-.inf", "number"), ("+.INF", "number"), (".Inf", "number"),
        (".nan", "number"), (".NaN", "number"), ("-.nan", "string"), (".", "string"),
        ("190:20:30.15", "number"), ("1_0.5_", "number"),
        ("2010-09-09", "string"), ("2001-12-14t21:59:43.10-05:00", "string"),
        ("123456789012", "number"), ("1.10", "number"), ("1.2.3", "string"), ("+-", "string"),
        ("=", "string"), ("<<", "string"), ("abc", "string"), ("12abc", "string"), ("0.0.0.0/0", "string"),
    ])
    func plainScalarTyping(text: String, expected: String) throws {
        let value = try #require(try parseYAML("v: \(text)\n")["v"])
        let actual: String = switch value.kind {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n == text ? "number" : "number(\(n))"
        case .string(let s): s == text ? "string" : "string(\(s))"
        default: "other"
        }
        #expect(actual == expected, "\(text)")
    }

    @Test func quotedAndBlockScalarsAreAlwaysStrings() throws {
        let root = try parseYAML("a: \"true\"\nb: '12'\nc: \"\"\nd: |\n  yes\ne: 'null'\n")
        #expect(root["a"]?.kind == .string("true"))
        #expect(root["b"]?.kind == .string("12"))
        #expect(root["c"]?.kind == .string(""))
        #expect(root["d"]?.kind == .string("yes\n"))
        #expect(root["e"]?.kind == .string("null"))
    }

    @Test func standardTags() throws {
        let root = try parseYAML("""
            a: !!str 123
            b: !!int "42"
            c: !!bool "yes"
            d: !!null ""
            e: !!float 1.5
            f: ! 12
            g: !!map {k: v}
            h: !<tag:yaml.org,2002:str> true
            """)
        #expect(root["a"]?.kind == .string("123"))
        #expect(root["a"]?.position == pos(1, 10))
        #expect(root["b"]?.kind == .number("42"))
        #expect(root["c"]?.kind == .bool(true))
        #expect(root["d"]?.kind == .null)
        #expect(root["e"]?.kind == .number("1.5"))
        #expect(root["f"]?.kind == .string("12"))
        #expect(root["g"]?["k"]?.stringValue == "v")
        #expect(root["h"]?.kind == .string("true"))

        let bad = try #require(parseFailure("a: !!int abc\n"))
        #expect(bad.message == "\"abc\" is not a valid !!int")
        #expect(bad.position == pos(1, 10))
        let seq = try #require(parseFailure("a: !!seq {k: v}\n"))
        #expect(seq.message == "the tag !!seq cannot be used on a mapping")
        #expect(seq.position == pos(1, 4))
    }

    // MARK: Intrinsics

    @Test func everyShortFormTagEqualsItsLongForm() throws {
        let tags = ["Ref", "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not",
                    "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Condition", "Transform",
                    "ToJsonString", "Length"]
        for tag in tags {
            let longName = tag == "Ref" || tag == "Condition" ? tag : "Fn::" + tag
            let name = try #require(IntrinsicName(yamlTag: "!" + tag))
            #expect(name.rawValue == longName)

            // Scalar argument.
            let short = try parseYAML("v: !\(tag) Thing\n")["v"]
            #expect(short == call(name, str("Thing")), "!\(tag) scalar")
            #expect(short?.position == pos(1, 4))
            #expect(short?.intrinsicValue?.argument.position == pos(1, 6 + tag.count))

            // Sequence argument, short and long forms.
            let shortList = try parseYAML("v: !\(tag) [a, b]\n")["v"]
            let longList = try parseYAML("v:\n  \(longName): [a, b]\n")["v"]
            let expected = call(name, list(str("a"), str("b")))
            #expect(shortList == expected, "!\(tag) sequence")
            #expect(shortList?.intrinsicValue?.argument.position == pos(1, 6 + tag.count))
            if tag != "Condition" { // {Condition: [..]} is a plain map (IAM statement conditions)
                #expect(longList == expected, "\(longName) long form")
                #expect(longList?.position == pos(2, 3))
            }

            // Mapping argument.
            let shortMap = try parseYAML("v: !\(tag)\n  k: x\n")["v"]
            #expect(shortMap?.intrinsicValue?.name == name)
            #expect(shortMap?.intrinsicValue?.argument["k"]?.stringValue == "x")
            #expect(shortMap?.intrinsicValue?.argument.position == pos(2, 3))
        }
    }

    @Test func getAttDottedFormSplitsAtTheFirstDot() throws {
        let root = try parseYAML("""
            a: !GetAtt Db.Endpoint.Address
            b:
              Fn::GetAtt: [Db, Endpoint.Address]
            c:
              Fn::GetAtt: Db.Endpoint.Address
            """)
        let expected = call(.getAtt, list(str("Db"), str("Endpoint.Address")))
        #expect(root["a"] == expected)
        #expect(root["b"] == expected)
        #expect(root["c"] == expected)
        let items = try #require(root["a"]?.intrinsicValue?.argument.listValue)
        #expect(items[0].position == pos(1, 12))
        #expect(items[1].position == pos(1, 15))
        #expect(root["a"]?.intrinsicValue?.getAttTarget?.resource == "Db")
    }

    @Test func nestedIntrinsicsAndTaggedScalarArguments() throws {
        let root = try parseYAML("""
            Name: !Join
              - '-'
              - - !Ref AWS::StackName
                - !Select [0, !GetAZs '']
            Empty: !GetAZs
            Cond: !If [IsProd, !Ref A, !Ref "AWS::NoValue"]
            Num: !Ref 123
            """)
        let expected = call(.join, list(str("-"), list(
            call(.ref, str("AWS::StackName")),
            call(.select, list(Value(.number("0"), at: .start), call(.getAZs, str("")))))))
        #expect(root["Name"] == expected)
        #expect(root["Name"]?.position == pos(1, 7))
        #expect(root["Name"]?.intrinsicValue?.argument.position == pos(2, 3))
        #expect(root["Empty"] == call(.getAZs, str("")))
        #expect(root["Cond"] == call(.if, list(str("IsProd"), call(.ref, str("A")), call(.ref, str("AWS::NoValue")))))
        #expect(root["Num"] == call(.ref, str("123")))
    }

    @Test func longFormsBecomeIntrinsicsButIAMConditionStaysAMap() throws {
        let root = try parseYAML("""
            a: {Ref: Bucket}
            b:
              Condition: IsProd
            c:
              Condition:
                StringEquals: {k: v}
            """)
        #expect(root["a"] == call(.ref, str("Bucket")))
        #expect(root["b"] == call(.condition, str("IsProd")))
        #expect(root["c"]?.mapValue?["Condition"]?["StringEquals"]?["k"]?.stringValue == "v")
    }

    @Test func unknownLocalTagIsAWarningAndTheValueIsKept() throws {
        var warnings: [ParseError] = []
        let root = try Array("a: 1\nb: !Foo bar\nc:\n  - !Bar {x: 1}\nd: !Foo baz\n".utf8).withUnsafeBytes {
            try YAMLParser.parse($0, limits: .default, warnings: &warnings)
        }
        #expect(root["b"]?.stringValue == "bar")
        #expect(root["c"]?.listValue?.first?["x"]?.scalarText == "1")
        #expect(root["d"]?.stringValue == "baz")
        #expect(warnings.map(\.message) == [
            "unknown tag !Foo: not a CloudFormation intrinsic (a pre-processor's tag?); the value is read without it",
            "unknown tag !Bar: not a CloudFormation intrinsic (a pre-processor's tag?); the value is read without it",
        ])
        #expect(warnings.map(\.position) == [pos(2, 4), pos(4, 5)])
    }

    @Test func unknownStandardTagIsAnError() throws {
        let standard = try #require(parseFailure("a: !!python/object x\n"))
        #expect(standard.message == "unknown tag !!python/object")
    }

    // MARK: Anchors, aliases, merge keys

    @Test func aliasesCopyTheAnchoredValueWithItsPositions() throws {
        let root = try parseYAML("""
            base: &tags
              - Key: a
                Value: b
            copy: *tags
            scalar: &s hello
            again: *s
            """)
        #expect(root["copy"] == root["base"])
        #expect(root["copy"]?.position == pos(2, 3))
        #expect(root["copy"]?.listValue?.first?["Value"]?.position == pos(3, 12))
        #expect(root["again"]?.stringValue == "hello")
        #expect(root["again"]?.position == pos(5, 12))
    }

    @Test func mergeKeys() throws {
        let root = try parseYAML("""
            defaults: &d
              A: 1
              B: 2
            more: &m
              B: 20
              C: 30
            one:
              <<: *d
              B: 3
            two:
              X: x
              <<: [*m, *d]
            inline:
              <<: {Z: z}
              Y: y
            """)
        let one = try #require(root["one"]?.mapValue)
        #expect(one.keys == ["A", "B"])
        #expect(one["A"]?.kind == .number("1"))
        #expect(one["B"]?.kind == .number("3"))
        #expect(one.entry("B")?.keyPosition == pos(9, 3))
        #expect(one.entry("A")?.keyPosition == pos(2, 3))
        let two = try #require(root["two"]?.mapValue)
        #expect(two.keys == ["B", "C", "A", "X"])
        #expect(two["B"]?.kind == .number("20"))
        #expect(two["A"]?.kind == .number("1"))
        #expect(root["inline"]?.mapValue?.keys == ["Z", "Y"])
        #expect(try parseYAML("a: {'<<': x}")["a"]?["<<"]?.stringValue == "x")

        let bad = try #require(parseFailure("a: &x 1\nb:\n  <<: *x\n"))
        #expect(bad.message == "the merge key << needs a mapping or a list of mappings, not a number")
        #expect(bad.position == pos(1, 7))
    }

    @Test func billionLaughsFailsFastNamingTheAlias() throws {
        var text = "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*lol\(level - 1)", count: 9).joined(separator: ", ")
            text += "lol\(level): &lol\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(parseFailure(text))
        #expect(clock.now - start < .seconds(5)) // generous: the real bound is checked in release builds
        #expect(error.message.hasPrefix("alias *lol5 expands the document beyond 1000000 nodes"))
        #expect(error.position.line == 7)
        #expect(error.position.column == 14)
    }

    @Test func aliasExpansionCountsSubtreeSizes() throws {
        let text = "a: &a [1, 2, 3]\nb: *a\nc: *a\n" // each alias adds 4 nodes
        #expect(throws: Never.self) { try parseYAML(text, limits: LoadLimits(maxAliasExpansion: 8)) }
        let error = try #require(parseFailure(text, limits: LoadLimits(maxAliasExpansion: 7)))
        #expect(error.position == pos(3, 4))
    }

    @Test func undefinedAndRecursiveAliases() throws {
        let undefined = try #require(parseFailure("a: 1\nb: *nope\n"))
        #expect(undefined.message == "undefined alias *nope: no anchor &nope appears before it")
        #expect(undefined.position == pos(2, 4))
        let recursive = try #require(parseFailure("a: &r\n  b: *r\n"))
        #expect(recursive.message == "alias *r refers to a node that contains it (recursive alias)")
        #expect(recursive.position == pos(2, 6))
    }

    // MARK: Errors

    @Test func duplicateKeysReportBothPositions() throws {
        let error = try #require(parseFailure("""
            Resources:
              A:
                Type: X
                Properties: {}
                Type: Y
            """))
        #expect(error.message == "duplicate key \"Type\" (first defined at line 3, column 5)")
        #expect(error.position == pos(5, 5))
        #expect(error.related == [pos(3, 5)])
    }

    @Test func duplicateKeysInLargeMappings() throws {
        var text = ""
        for index in 0..<40 { text += "K\(index): \(index)\n" }
        #expect(try parseYAML(text).mapValue?.count == 40)
        text += "K7: again\n"
        let error = try #require(parseFailure(text))
        #expect(error.position == pos(41, 1))
        #expect(error.related == [pos(8, 1)])
    }

    @Test func depthLimit() throws {
        let error = try #require(parseFailure("a:\n  b:\n    c: [[x]]\n", limits: LoadLimits(maxDepth: 4)))
        #expect(error.message == "nesting too deep: more than 4 levels of lists and maps")
        #expect(error.position == pos(3, 9))
        #expect(throws: Never.self) { try parseYAML("a:\n  b:\n    c: [x]\n", limits: LoadLimits(maxDepth: 4)) }

        // Far deeper than the limit: fails cleanly, without recursion.
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let deepError = try #require(parseFailure(deep))
        #expect(deepError.position == pos(1, 513))
        let block = (0..<1_000).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        let blockError = try #require(parseFailure(block))
        #expect(blockError.position == pos(513, 513))
    }

    @Test func syntaxErrorPosition() throws {
        let error = try #require(parseFailure("a: b: c\n"))
        #expect(error.message == "YAML syntax error: mapping values are not allowed in this context")
        #expect(error.position == pos(1, 5))

        let unclosed = try #require(parseFailure("a:\n  - [x, y\nb: 1\n"))
        #expect(unclosed.message.hasPrefix("YAML syntax error: did not find expected ',' or ']'"))
        #expect(unclosed.message.contains("while parsing a flow sequence at line 2, column 5"))
        #expect(unclosed.related == [pos(2, 5)])
    }

    @Test func multipleDocumentsAreAnError() throws {
        let error = try #require(parseFailure("a: 1\n---\nb: 2\n"))
        #expect(error.message.contains("single YAML document"))
        #expect(error.position == pos(2, 1))
        #expect(try parseYAML("---\na: 1\n...\n")["a"]?.kind == .number("1"))
    }

    @Test func complexKeysAreAnError() throws {
        let error = try #require(parseFailure("? [a, b]\n: c\n"))
        #expect(error.message.hasPrefix("a sequence cannot be used as a mapping key"))
        #expect(error.position == pos(1, 3))
        let tagged = try #require(parseFailure("a: 1\n!Ref b: c\n"))
        #expect(tagged.message == "a mapping key cannot be an intrinsic function (Ref)")
    }

    @Test func invalidUTF8() throws {
        let error = try #require(parseFailureBytes(Array("a: ok\nb: x".utf8) + [0xFF, 0x0A]))
        #expect(error.message.hasPrefix("invalid UTF-8"))
        #expect(error.position == pos(2, 5))
        let truncated = try #require(parseFailureBytes(Array("a: é".utf8).dropLast() + [0x0A]))
        #expect(truncated.message.hasPrefix("invalid UTF-8"))
    }

    @Test func emptyAndCommentOnlyInput() throws {
        #expect(parseFailure("")?.message.hasPrefix("no YAML document found") == true)
        #expect(parseFailure("# just a comment\n")?.message.hasPrefix("no YAML document found") == true)
        #expect(try parseYAML("---\n").kind == .null)
        #expect(try parseYAML("\u{FEFF}a: 1\n")["a"]?.position == pos(1, 4))
    }
}
