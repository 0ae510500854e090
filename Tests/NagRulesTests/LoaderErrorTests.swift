import Foundation
import Testing
@testable import NagRules

private func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/load/\(name)").path
}

/// A fresh folder under the system temporary directory, removed by the caller.
private func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nag-loader-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The diagnostic that loading `bytes` fails with (recording an issue when it loads).
private func loadFailure(_ bytes: [UInt8], file: String = "t.yaml", format: TemplateFormat? = nil,
                         limits: LoadLimits = .default,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadDiagnostic? {
    do {
        let template = try TemplateLoader(limits: limits).load(bytes: bytes, file: file, format: format)
        Issue.record("expected a load error, got a template with \(template.resources.count) resources",
                     sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func loadFailure(path: String, limits: LoadLimits = .default,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadDiagnostic? {
    do {
        _ = try TemplateLoader(limits: limits).load(path: path)
        Issue.record("expected \(path) to fail to load", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func at(_ file: String, _ line: Int, _ column: Int) -> FileLocation {
    FileLocation(file: file, line: line, column: column)
}

@Suite struct LoaderErrorTests {
    // MARK: Files that cannot be read as templates

    @Test func emptyFile() throws {
        let error = try #require(loadFailure([], file: "empty.yaml"))
        #expect(error.description == "empty.yaml:1:1: error: empty file: a template needs at least a Resources section")
        #expect(error.severity == .error)
    }

    @Test func whitespaceOnlyFile() throws {
        let error = try #require(loadFailure(Array(" \n\t\r\n  \n".utf8), file: "blank.json", format: .json))
        #expect(error.message == "empty file: a template needs at least a Resources section")
        #expect(error.location == at("blank.json", 1, 1))
        let bomOnly = try #require(loadFailure([0xEF, 0xBB, 0xBF, 0x0A]))
        #expect(bomOnly.message == "empty file: a template needs at least a Resources section")
    }

    @Test func binaryFileWithANulByte() throws {
        let error = try #require(loadFailure(Array("Resources:\n  ab".utf8) + [0x00, 0x01, 0x02], file: "bin.yaml"))
        #expect(error.message == "binary file: NUL byte at offset 15; templates are UTF-8 text")
        #expect(error.location == at("bin.yaml", 2, 5))
        // UTF-16 text is full of NUL bytes: it is named for what it is.
        let utf16 = Array("{\"Resources\": {}}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(loadFailure(utf16)?.message == "the file is UTF-16 (little-endian) text; templates are UTF-8: save it as UTF-8")
    }

    @Test func invalidUTF8IsLocated() throws {
        let json = try #require(loadFailure(Array("{\"Resources\": {\"A\": {\"Type\": \"x".utf8) + [0xC3, 0x28] + Array("\"}}}".utf8),
                                            file: "bad.json", format: .json))
        #expect(json.location == at("bad.json", 1, 32))
        #expect(json.message == "invalid UTF-8 (byte 0xC3)")
        let yaml = try #require(loadFailure(Array("Resources:\n  A: x".utf8) + [0xED, 0xA0, 0x80], file: "bad.yaml"))
        #expect(yaml.location.file == "bad.yaml")
        #expect(yaml.location.line >= 1)
    }

    @Test func fileOverTheSizeLimit() throws {
        let limits = LoadLimits(maxFileSize: 16)
        let bytes = Array("Resources: {A: {Type: AWS::S3::Bucket}}".utf8)
        let error = try #require(loadFailure(bytes, file: "big.yaml", limits: limits))
        #expect(error.description == "big.yaml:1:1: error: file is 39 bytes, over the limit of 16 bytes (raise it with --max-file-size)")
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.yaml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fromFile = try #require(loadFailure(path: path, limits: limits))
        #expect(fromFile.message == "file is 39 bytes, over the limit of 16 bytes (raise it with --max-file-size)")
        #expect(fromFile.location == at(path, 1, 1))
        // Exactly at the limit loads.
        #expect(throws: Never.self) { try TemplateLoader(limits: LoadLimits(maxFileSize: 39)).load(path: path) }
    }

    @Test func hundredMegabyteFileIsRefusedWithoutReadingIt() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.json").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"Resources\": {}}".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 << 20)  // sparse: no 100 MB written
        try handle.close()
        let clock = ContinuousClock()
        var error: LoadDiagnostic?
        let elapsed = clock.measure { error = loadFailure(path: path) }
        #expect(error?.message == "file is 104857600 bytes, over the limit of 67108864 bytes (raise it with --max-file-size)")
        #expect(error?.location == at(path, 1, 1))
        #expect(elapsed < .milliseconds(500), "refusing by size must not read the file (took \(elapsed))")
    }

    @Test func aDeviceIsNotATemplate() throws {
        // /dev/zero reports size 0 and never ends: it is refused before reading (standard input, which may
        // be endless too, is read in chunks under the limit; CLITests covers it).
        let error = try #require(loadFailure(path: "/dev/zero", limits: LoadLimits(maxFileSize: 100_000)))
        #expect(error.message == "is a device, not a regular file")
    }

    @Test func directory() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(loadFailure(path: folder.path))
        #expect(error.description == "\(folder.path):1:1: error: is a directory, not a template")
    }

    @Test func missingFile() throws {
        let error = try #require(loadFailure(path: "/nonexistent/nag/template.yaml"))
        #expect(error.description == "/nonexistent/nag/template.yaml:1:1: error: cannot open: No such file or directory")
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secret.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("Resources: {}".utf8),
                                               attributes: [.posixPermissions: 0o000]))
        let error = try #require(loadFailure(path: path))
        #expect(error.message == "cannot open: Permission denied")
    }

    // MARK: Documents that are not templates

    @Test func yamlListIsNotATemplate() throws {
        let path = fixture("list.yaml")
        let error = try #require(loadFailure(path: path))
        #expect(error.location == at(path, 1, 1))
        #expect(error.message == "not a CloudFormation template: the document is a list, expected a map of sections such as Resources")
    }

    @Test func kubernetesManifestIsNotATemplate() throws {
        let path = fixture("k8s.yaml")
        let error = try #require(loadFailure(path: path))
        #expect(error.location == at(path, 1, 1))
        #expect(error.message == "not a CloudFormation template: none of its top-level keys is a template section (expected Resources)")
    }

    @Test func jsonScalarsAreNotTemplates() throws {
        #expect(loadFailure(Array("\"Resources\"".utf8), format: .json)?.message
            == "not a CloudFormation template: the document is a string, expected a map of sections such as Resources")
        #expect(loadFailure(Array("  [1]".utf8), file: "x.json", format: .json)?.location == at("x.json", 1, 3))
        #expect(loadFailure(Array("null".utf8), format: .json)?.message
            == "not a CloudFormation template: the document is null, expected a map of sections such as Resources")
    }

    @Test func parseErrorsCarryTheFileName() throws {
        let error = try #require(loadFailure(Array("{\n  \"Resources\": {},\n  \"Resources\": {}\n}".utf8), file: "dup.json", format: .json))
        #expect(error.description == "dup.json:3:3: error: duplicate key \"Resources\" (first defined at line 2, column 3)")
        #expect(error.related == [at("dup.json", 2, 3)])
    }

    @Test func formatComesFromTheExtensionThenTheContent() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // No known extension: `{` means JSON, where a tab is fine (YAML would refuse it as indentation).
        let template = folder.appendingPathComponent("stack.template").path
        try Data("{\n\t\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}}\n}".utf8).write(to: URL(fileURLWithPath: template))
        let loaded = try TemplateLoader().load(path: template)
        #expect(loaded.resource(named: "A")?.position == Position(line: 2, column: 16))
        // A .json extension forces JSON: YAML content fails with a JSON error.
        let json = folder.appendingPathComponent("wrong.json").path
        try Data("Resources:\n  A: {Type: x}\n".utf8).write(to: URL(fileURLWithPath: json))
        #expect(loadFailure(path: json)?.message == "unexpected character 'R', expected a value")
        #expect(TemplateFormat(fileName: "a.YML") == .yaml)
        #expect(TemplateFormat(fileName: "a.Json") == .json)
        #expect(TemplateFormat(fileName: "a.template") == nil)
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        let good = fixture("sections.yaml")
        let results = TemplateLoader().loadAll([
            .file("/nonexistent.yaml"), .file(good), .standardInput([]), .file(fixture("k8s.yaml")), .file(good),
        ])
        #expect(results.count == 5)
        let names = results.map { result -> String in
            switch result {
            case .success(let template): "ok \(template.resources.count)"
            case .failure(let error): "error \(error.location.file)"
            }
        }
        #expect(names == ["error /nonexistent.yaml", "ok 2", "error -", "error \(fixture("k8s.yaml"))", "ok 2"])
    }

    // MARK: Shape problems: reported, and the rest still loads

    @Test func shapeProblemsAreLocatedAndTheRestLoads() throws {
        let path = fixture("shapes.yaml")
        let template = try TemplateLoader().load(path: path)
        let found = template.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(found == [
            "17:1: unknown top-level section \"Extras\"",
            "2:3: resource NoType has no Type",
            "5:11: resource ListType: Type must be a non-empty string",
            "7:11: resource EmptyType: Type must be a non-empty string",
            "11:7: resource ListProperties: Properties must be a map, found a list",
            "12:12: resource NotAMap must be a map, found a string",
            "20:8: parameter Bad must be a map, found a number",
            "22:8: output Bad must be a map, found a list",
        ])
        #expect(template.diagnostics.allSatisfy { $0.location.file == path && $0.severity == .error })
        #expect(template.resources.map(\.logicalId) == ["NoType", "ListType", "EmptyType", "ListProperties", "Good"])
        #expect(template.resource(named: "NoType")?.type == "")
        #expect(template.resource(named: "NoType")?.typePosition == Position(line: 2, column: 3))
        #expect(template.resource(named: "ListProperties")?.properties.isEmpty == true)
        #expect(template.resource(named: "ListProperties")?.propertiesValue?.listValue?.count == 1)
        #expect(template.resource(named: "Good")?[property: "DelaySeconds"]?.scalarText == "5")
        #expect(template.parameters.isEmpty)
        #expect(template.outputs.isEmpty)
    }

    @Test func resourcesNotAMap() throws {
        let template = try TemplateLoader().load(bytes: Array("{\"Outputs\": {},\n \"Resources\": [1]}".utf8), file: "r.json")
        #expect(template.resources.isEmpty)
        #expect(template.diagnostics.map(\.description) == ["r.json:2:15: error: section Resources must be a map, found a list"])
    }

    @Test func missingResourcesSection() throws {
        let template = try TemplateLoader().load(bytes: Array("Description: nothing\n".utf8), file: "d.yaml")
        #expect(template.diagnostics.map(\.description)
            == ["d.yaml:1:1: error: the template has no Resources section (CloudFormation requires one)"])
        // An empty (null) section is allowed: `Outputs:` with nothing under it.
        let nulls = try TemplateLoader().load(bytes: Array("Resources:\nOutputs:\n".utf8), file: "n.yaml")
        #expect(nulls.diagnostics.isEmpty)
    }

    @Test func intrinsicPropertiesAreNotAShapeProblem() throws {
        let template = try TemplateLoader().load(bytes: Array("""
            {"Conditions": {"C": {"Fn::Equals": ["a", "b"]}},
             "Resources": {"A": {"Type": "AWS::SNS::Topic",
               "Properties": {"Fn::If": ["C", {"TopicName": "x"}, {"Ref": "AWS::NoValue"}]}}}}
            """.utf8), file: "i.json")
        #expect(template.diagnostics.isEmpty)
        #expect(template.resource(named: "A")?.propertiesValue?.intrinsicValue?.name == .if)
    }
}
