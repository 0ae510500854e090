import Foundation
import Testing

/// A folder such as `cdk.out` holds JSON that is not a template (manifest.json, tree.json, asset files):
/// searching a folder skips those, while a file named on the command line must be a template.
@Suite struct DiscoveryTests {
    func makeCdkOut() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-cdkout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("asset.1"), withIntermediateDirectories: true)
        try #"{"version":"36.0.0","artifacts":{}}"#.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try #"{"name":"handler","dependencies":{}}"#.write(to: folder.appendingPathComponent("asset.1/package.json"), atomically: true, encoding: .utf8)
        try #"{"Resources":{"Data":{"Type":"AWS::S3::Bucket"}}}"#.write(to: folder.appendingPathComponent("Stack.template.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aFolderScanSkipsFilesThatAreNotTemplates() throws {
        let folder = try makeCdkOut()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TestPaths.run(TestPaths.nagBinary, ["--rule", "AwsSolutions-S1", folder.path])
        #expect(result.status == 1, "findings in the one template, no load error: \(result.stderr)")
        #expect(result.stdout.contains("Stack.template.json:1:15: error AwsSolutions-S1 Data"))
        #expect(!result.stdout.contains("manifest.json"))
        #expect(!result.stdout.contains("package.json"))
        #expect(result.stdout.contains("in 1 template"))
    }

    @Test func aNamedFileThatIsNotATemplateIsAnError() throws {
        let folder = try makeCdkOut()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = folder.appendingPathComponent("manifest.json").path
        let result = try TestPaths.run(TestPaths.nagBinary, [manifest])
        #expect(result.status == 2)
        #expect(result.stdout.contains("manifest.json:1:1: error: not a CloudFormation template"))
    }

    @Test func aSymlinkLoopIsSearchedOnce() throws {
        let folder = try makeCdkOut()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("asset.1/back").path, withDestinationPath: folder.path)
        let result = try TestPaths.run(TestPaths.nagBinary, ["--rule", "AwsSolutions-S1", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.components(separatedBy: "error AwsSolutions-S1 Data").count == 2, "the template is reported once")
    }
}
