import Foundation
import Testing
@testable import NagLSP

/// `.nag.yaml` in the workspace folder sets the defaults; the editor's settings apply over it.
@Suite struct ProjectConfigurationTests {
    static let function = "Parameters:\n  Runtime: {Type: String}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
        + "    Properties:\n      Runtime: !Ref Runtime\n      Role: arn:aws:iam::123456789012:role/x\n"

    @Test func readsPacksLevelsAndParameterSetsAndTheEditorOverrides() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-lsp-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
        packs: [AwsSolutions]
        levels: {AwsSolutions-S1: warning}
        parameters:
          - templates: "prod-*.yaml"
            values: {Runtime: python3.7}

        """.utf8).write(to: folder.appendingPathComponent(".nag.yaml"))
        var session = TestSession(server: LanguageServer(project: ProjectConfigurationFile()))
        _ = session.request("initialize", ["rootUri": .string(DocumentURI.uri(ofPath: folder.path)), "capabilities": [:]])
        session.notify("initialized", [:])
        let uri = { (name: String) in DocumentURI.uri(ofPath: folder.appendingPathComponent(name).path) }
        session.open(uri("prod-fn.yaml"), Self.function)
        session.open(uri("dev-fn.yaml"), Self.function)
        session.open(uri("bucket.yaml"), "Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n")
        func severity(_ name: String, _ code: String) -> Int? {
            session.diagnostics(uri(name))?.first { $0["code"]?.stringValue == code }?["severity"]?.intValue
        }
        #expect(severity("prod-fn.yaml", "AwsSolutions-L1") == 1)
        #expect(severity("dev-fn.yaml", "AwsSolutions-L1") == 3)
        #expect(severity("bucket.yaml", "AwsSolutions-S1") == 2)
        #expect(severity("bucket.yaml", "AwsSolutions-S10") == 1)
        session.notify("workspace/didChangeConfiguration", ["settings": ["nag": ["levels": ["AwsSolutions-S1": "error"], "parameters": ["Runtime": "python3.14"]]]])
        #expect(severity("bucket.yaml", "AwsSolutions-S1") == 1)
        #expect(severity("prod-fn.yaml", "AwsSolutions-L1") == nil)
    }

    @Test func reportsAnInvalidConfigurationFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-lsp-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("fail-on: sometimes\n".utf8).write(to: folder.appendingPathComponent(".nag.yaml"))
        let (settings, problems) = ProjectConfigurationFile().apply(to: ServerSettings(), root: folder.path)
        #expect(settings.failOn == .error)
        #expect(problems.count == 1)
        #expect(problems.first?.contains(".nag.yaml:1:") == true)
    }
}
