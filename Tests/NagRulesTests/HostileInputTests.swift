#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import NagRules

/// Inputs built to make a linter crash, hang or exhaust memory: each must end quickly with a clear,
/// located answer. The inputs are generated small; the tests assert what bounds them (a limit's message, a
/// decided answer the work limit would otherwise cut short), never a time.
@Suite struct HostileInputTests {
    static func load(_ text: String, file: String = "t.yaml", limits: LoadLimits = .default) throws(LoadDiagnostic) -> Template {
        try TemplateLoader(limits: limits).load(bytes: Array(text.utf8), file: file)
    }

    static func bucket(named expression: String, conditions: String = "", parameters: String = "") -> String {
        """
        \(parameters.isEmpty ? "" : "Parameters:\n" + parameters + "\n")\(conditions.isEmpty ? "" : "Conditions:\n" + conditions + "\n")Resources:
          R:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: \(expression)
        """
    }

    // MARK: YAML aliases deeper than --max-depth

    @Test func anAliasCountsItsSubtreesDepthWhereItIsUsed() throws {
        // Each anchor nests the previous alias 30 levels deeper: 4 anchors reach 120 levels, past a limit of 100.
        var lines = ["Metadata:"]
        for index in 0..<4 {
            let inner = index == 0 ? "x" : "*a\(index - 1)"
            lines.append("  A\(index): &a\(index) " + String(repeating: "[", count: 30) + inner + String(repeating: "]", count: 30))
        }
        lines += ["Resources:", "  R:", "    Type: AWS::S3::Bucket", "    Properties:", "      Tags: *a3"]
        let limits = LoadLimits(maxDepth: 100)
        #expect(throws: LoadDiagnostic.self) { try Self.load(lines.joined(separator: "\n"), limits: limits) }
        do {
            _ = try Self.load(lines.joined(separator: "\n"), limits: limits)
        } catch {
            #expect(error.message.hasPrefix("alias *a"), "\(error.message)")
            #expect(error.message.contains("more than 100 levels deep"))
        }
        // Under the limit the same document loads.
        #expect(throws: Never.self) { try Self.load(lines.joined(separator: "\n"), limits: LoadLimits(maxDepth: 200)) }
    }

    // MARK: Conditions

    @Test func conditionsAreDecidedOncePerTemplate() throws {
        // C8 is an Or of ten C7, each an Or of ten C6 …: 10^8 evaluations without memoizing, far past the work limit.
        var conditions = ["  C0: !Equals [!Ref P, x]"]
        for level in 1...8 {
            conditions.append("  C\(level): !Or [" + Array(repeating: "{Condition: C\(level - 1)}", count: 10).joined(separator: ", ") + "]")
        }
        let template = try Self.load(Self.bucket(named: "!If [C8, first, second]", conditions: conditions.joined(separator: "\n"),
                                                 parameters: "  P: {Type: String, Default: x}"))
        let resolver = Resolver(template: template)
        #expect(try resolver.condition(named: "C8").get() == true)
        let name = resolver.resolve(try #require(template.resource(named: "R")).properties["BucketName"])
        #expect(name.string == "first")
    }

    @Test func aConditionThatRefersToItselfIsACycle() throws {
        let conditions = "  C1: !Or [" + Array(repeating: "{Condition: C2}", count: 10).joined(separator: ", ") + "]\n"
            + "  C2: !Or [" + Array(repeating: "{Condition: C1}", count: 10).joined(separator: ", ") + "]"
        let template = try Self.load(Self.bucket(named: "!If [C1, first, second]", conditions: conditions))
        let result = Resolver(template: template).condition(named: "C1")
        guard case .failure(let why) = result else { Issue.record("a cycle was decided: \(result)"); return }
        #expect(why.reason.contains("refers to itself"), "\(why.reason)")
    }

    // MARK: Fn::Sub and Fn::Join fan-out

    /// `${v}${v}` with `v` the next Sub, `levels` deep: a string of 2^levels characters.
    static func doublingSub(levels: Int) -> String {
        var expression = #"{"Fn::Sub": ["${v}${v}", {"v": "a"}]}"#
        for _ in 1..<levels { expression = #"{"Fn::Sub": ["${v}${v}", {"v": \#(expression)}]}"# }
        return #"{"Resources": {"R": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": \#(expression)}}}}"#
    }

    @Test func aSubResolvesEachVariableOnce() throws {
        // 17 levels: 2^17 = 131,072 characters. Resolving every occurrence would take 2^18 resolutions, past
        // the work limit of 100,000 (the answer would be unknown); resolving each variable once takes 17.
        let template = try Self.load(Self.doublingSub(levels: 17), file: "t.json")
        let name = Resolver(template: template).resolve(try #require(template.resource(named: "R")).properties["BucketName"])
        #expect(name.string == String(repeating: "a", count: 131_072))
    }

    @Test func aStringPastTheLengthLimitIsUnknownWithTheReason() throws {
        // 40 levels would be 2^40 characters.
        let template = try Self.load(Self.doublingSub(levels: 40), file: "t.json")
        let name = Resolver(template: template).resolve(try #require(template.resource(named: "R")).properties["BucketName"])
        let why = try #require(name.unresolved)
        #expect(why.reason.contains("longer than \(Resolver.maxStringLength) bytes"), "\(why.reason)")
    }

    @Test func aJoinPastTheLengthLimitIsUnknown() throws {
        let big = String(repeating: "x", count: 600_000)
        let template = try Self.load(Self.bucket(named: "!Join [\"\", [\(big), \(big)]]"))
        let name = Resolver(template: template).resolve(try #require(template.resource(named: "R")).properties["BucketName"])
        #expect(name.unresolved?.reason.contains("Fn::Join builds a string longer than") == true)
    }

    // MARK: Encodings and indentation

    @Test(arguments: [("utf-16le", [UInt8]([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]), "UTF-16 (little-endian)"),
                      ("utf-16be", [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], "UTF-16 (big-endian)"),
                      ("utf-16le, no mark", [0x7B, 0x00, 0x22, 0x00, 0x52, 0x00, 0x22, 0x00], "UTF-16 (little-endian)")])
    func utf16IsNamedAsSuch(name: String, bytes: [UInt8], encoding: String) throws {
        do {
            _ = try TemplateLoader().load(bytes: bytes, file: "t.json")
            Issue.record("\(name) loaded")
        } catch {
            #expect(error.message == "the file is \(encoding) text; templates are UTF-8: save it as UTF-8")
            #expect(error.location.position == Position(line: 1, column: 1))
        }
    }

    @Test func aTabIndentingYAMLIsNamed() throws {
        do {
            _ = try Self.load("Resources:\n\tR:\n\t\tType: AWS::S3::Bucket\n")
            Issue.record("a tab-indented template loaded")
        } catch {
            #expect(error.message.hasPrefix("a tab character here: YAML is indented with spaces only"))
            #expect(error.location.position == Position(line: 2, column: 1))
        }
    }

    // MARK: Files that are not regular files

    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let path = "/tmp/nag-fifo-\(UInt32.random(in: 0...UInt32.max)).yaml"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        do {
            _ = try TemplateLoader().load(path: path)
            Issue.record("a FIFO loaded")
        } catch {
            #expect(error.message == "is a named pipe (FIFO), not a regular file; to read a stream, pipe it to `nag -`")
        }
    }
}
