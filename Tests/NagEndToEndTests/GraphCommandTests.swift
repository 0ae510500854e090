import Foundation
import Testing

/// The package root, found from this file: Tests/NagEndToEndTests/GraphCommandTests.swift.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures/load/\(name)").path
}

/// The `nag` executable `swift build` / `swift test` put in `.build/debug` (the executable is a product of the
/// package, so building the tests builds it too).
private let nagBinary = TestPaths.nagBinary

private struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `nag` with `arguments`, capturing both streams through files (no pipe can fill up and block).
private func runNag(_ arguments: [String]) throws -> RunResult {
    guard FileManager.default.isExecutableFile(atPath: nagBinary) else {
        throw NagNotBuilt(path: nagBinary)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-graph-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let err = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nagBinary)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: try String(contentsOf: out, encoding: .utf8),
                     stderr: try String(contentsOf: err, encoding: .utf8))
}

private struct NagNotBuilt: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path) is missing: run `swift build` (or `swift test`, which builds it) first" }
}

@Suite struct GraphCommandTests {
    @Test func jsonOutputOfAGoodTemplate() throws {
        let path = fixture("graph-good.json")
        let result = try runNag(["graph", path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let templates = try #require(root["templates"] as? [[String: Any]])
        #expect(templates.count == 1)
        let template = templates[0]
        #expect(template["file"] as? String == path)
        #expect((template["diagnostics"] as? [Any])?.isEmpty == true)
        let nodes = try #require(template["nodes"] as? [[String: Any]])
        #expect(nodes.map { "\($0["kind"]!) \($0["name"]!) \($0["line"]!):\($0["column"]!)" } == [
            "resource Bucket 6:5", "resource Policy 7:5", "parameter Env 3:5", "output Name 12:15",
        ])
        #expect(nodes[0]["type"] as? String == "AWS::S3::Bucket")
        #expect(nodes[2]["type"] as? String == "String")
        let edges = try #require(template["edges"] as? [[String: Any]])
        func line(_ edge: [String: Any]) -> String {
            let attribute = (edge["attribute"] as? String).map { " .\($0)" } ?? ""
            return "\(edge["fromKind"]!) \(edge["from"]!) -\(edge["via"]!)\(attribute)-> \(edge["toKind"]!) \(edge["to"]!) "
                + "@\(edge["path"]!) \(edge["line"]!):\(edge["column"]!)"
        }
        #expect(edges.map(line) == [
            "resource Bucket -Sub-> parameter Env @Properties.BucketName 6:84",
            "resource Policy -Ref-> resource Bucket @Properties.Bucket 9:32",
            "resource Policy -GetAtt .Arn-> resource Bucket @Properties.PolicyDocument.Statement[0].Resource 9:97",
            "output Name -Ref-> resource Bucket @Value 12:33",
        ])
    }

    @Test func defaultFormatIsJSON() throws {
        let result = try runNag(["graph", fixture("graph-good.json")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("{"))
        #expect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) is [String: Any])
    }

    @Test func dotOutput() throws {
        let path = fixture("graph-good.json")
        let result = try runNag(["graph", "--format", "dot", path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "digraph \"\(path)\" {")
        #expect(lines.last == "}")
        #expect(lines.contains(#"  "resource:Bucket" [shape=box, label="Bucket\nAWS::S3::Bucket"];"#))
        #expect(lines.contains(#"  "parameter:Env" [shape=ellipse, label="Env"];"#))
        #expect(lines.contains(#"  "resource:Bucket" -> "parameter:Env" [label="Sub @ Properties.BucketName"];"#))
        #expect(lines.contains(#"  "resource:Policy" -> "resource:Bucket" [label="Ref @ Properties.Bucket"];"#))
        #expect(lines.contains(#"  "resource:Policy" -> "resource:Bucket" [label="GetAtt Arn @ Properties.PolicyDocument.Statement[0].Resource"];"#))
        #expect(lines.contains(#"  "output:Name" -> "resource:Bucket" [label="Ref @ Value"];"#))
        #expect(lines.filter { $0.contains(" -> ") }.count == 4)
    }

    /// Pseudo parameters and names that match nothing are listed in the order first referenced, the same on
    /// every run (they were listed in a Set's order, which changes from process to process).
    @Test func dotListsPseudoParametersAndMissingNamesInTheOrderReferenced() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nag-graph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("refs.yaml").path
        try """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Sub "${AWS::Region}-${Gone}-${AWS::AccountId}"
              DisplayName: !Ref Missing
              KmsMasterKeyId: !Ref AWS::Region
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runNag(["graph", "--format", "dot", path])
        #expect(result.status == 0)
        let listed = result.stdout.split(separator: "\n").filter { $0.contains("shape=plaintext") }.map { String($0) }
        #expect(listed == [
            #"  "pseudoParameter:AWS::Region" [shape=plaintext, style=dotted, label="AWS::Region"];"#,
            #"  "missing:Gone" [shape=plaintext, style=dashed, label="Gone"];"#,
            #"  "pseudoParameter:AWS::AccountId" [shape=plaintext, style=dotted, label="AWS::AccountId"];"#,
            #"  "missing:Missing" [shape=plaintext, style=dashed, label="Missing"];"#,
        ])
    }

    @Test func severalTemplatesMakeOneDigraphWithAClusterEach() throws {
        let good = fixture("graph-good.json")
        let shapes = fixture("shapes.yaml")
        let result = try runNag(["graph", "--format", "dot", good, shapes])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == #"digraph "nag" {"#)
        #expect(lines.filter { $0.hasPrefix("digraph") }.count == 1)
        #expect(lines.contains(#"  subgraph "cluster_1" {"#))
        #expect(lines.contains("    label=\"\(good)\";"))
        #expect(lines.contains(#"    "1/resource:Policy" -> "1/resource:Bucket" [label="Ref @ Properties.Bucket"];"#))
        #expect(lines.contains(#"  subgraph "cluster_2" {"#))
        #expect(lines.last == "}")
        // Balanced braces: one graph Graphviz can draw.
        #expect(result.stdout.filter { $0 == "{" }.count == result.stdout.filter { $0 == "}" }.count)
    }

    @Test func badFileExitsTwoAndTheGoodFileIsStillPrinted() throws {
        let good = fixture("graph-good.json")
        let bad = fixture("graph-bad.json")
        let result = try runNag(["graph", bad, good])
        #expect(result.status == 2)
        #expect(result.stderr == "\(bad):4:5: error: duplicate key \"A\" (first defined at line 3, column 5)\n")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let templates = try #require(root["templates"] as? [[String: Any]])
        #expect(templates.map { $0["file"] as? String } == [good])
    }

    @Test func missingPathExitsTwo() throws {
        let good = fixture("graph-good.json")
        let result = try runNag(["graph", "/nonexistent/t.yaml", good, "--format", "dot"])
        #expect(result.status == 2)
        #expect(result.stderr == "/nonexistent/t.yaml:1:1: error: no such file or directory\n")
        #expect(result.stdout.contains(#""resource:Policy" -> "resource:Bucket""#))
    }

    @Test func shapeProblemsArePrintedAndExitTwo() throws {
        let path = fixture("shapes.yaml")
        let result = try runNag(["graph", path])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first == "\(path):17:1: error: unknown top-level section \"Extras\"")
        #expect(result.stderr.contains("\(path):2:3: error: resource NoType has no Type\n"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let template = try #require((root["templates"] as? [[String: Any]])?.first)
        #expect((template["diagnostics"] as? [String])?.count == 8)
    }

    @Test func fileSizeLimitOption() throws {
        let path = fixture("graph-good.json")
        let result = try runNag(["graph", "--max-file-size", "100", path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(path):1:1: error: file is "))
        #expect(result.stderr.contains("over the limit of 100 bytes"))
    }
}
