import Foundation
import Testing
@testable import NagLSP

/// A template nested by an open parent is checked with what the parent passes it, using the editor's text of
/// both, not the files on disk.
@Suite struct NestedStackTests {
    static let child = """
    Parameters:
      Runtime: {Type: String}
    Resources:
      Fn:
        Type: AWS::Lambda::Function
        Properties:
          Runtime: !Ref Runtime
          Role: arn:aws:iam::123456789012:role/x
          Code: {ZipFile: x}
          Handler: index.handler

    """

    static func parent(runtime: String) -> String {
        "Resources:\n  Inner:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./child.yaml\n"
            + "      Parameters:\n        Runtime: \(runtime)\n"
    }

    @Test func theOpenParentDecidesTheChildsParameters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-lsp-nested-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // On disk the parent passes a current runtime; the editor's unsaved text passes an outdated one.
        try Data(Self.child.utf8).write(to: folder.appendingPathComponent("child.yaml"))
        try Data(Self.parent(runtime: "python3.12").utf8).write(to: folder.appendingPathComponent("parent.yaml"))
        let childURI = DocumentURI.uri(ofPath: folder.appendingPathComponent("child.yaml").path)
        let parentURI = DocumentURI.uri(ofPath: folder.appendingPathComponent("parent.yaml").path)

        var session = TestSession.started()
        session.open(childURI, Self.child)
        let alone = try #require(session.diagnostics(childURI)?.first { $0["code"] == "AwsSolutions-L1" })
        #expect(alone["severity"] == 3)

        session.open(parentURI, Self.parent(runtime: "python3.7"))
        let nested = try #require(session.diagnostics(childURI)?.first { $0["code"] == "AwsSolutions-L1" })
        #expect(nested["severity"] == 1)

        session.notify("textDocument/didClose", ["textDocument": ["uri": .string(parentURI)]])
        #expect(session.diagnostics(parentURI) == [])
        let closed = try #require(session.diagnostics(childURI)?.first { $0["code"] == "AwsSolutions-L1" })
        #expect(closed["severity"] == 3)
    }
}
