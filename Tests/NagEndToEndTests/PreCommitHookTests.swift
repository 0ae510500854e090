import Foundation
import NagRules
import Testing

/// `.pre-commit-hooks.yaml`: the `nag` hook hands nag the files nag itself finds when it searches a folder.
/// pre-commit selects a file when `files` matches somewhere in its path and `exclude` does not (Python's
/// `re.search`; these patterns mean the same in Swift's regex syntax).
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct PreCommitHookTests {
    struct Hook: CustomStringConvertible {
        var id: String
        var files: Regex<AnyRegexOutput>
        var exclude: Regex<AnyRegexOutput>?
        var arguments: [String]

        var description: String { "hook \(id)" }

        func selects(_ path: String) -> Bool {
            path.contains(files) && !(exclude.map { path.contains($0) } ?? false)
        }
    }

    static func hooks() throws -> [Hook] {
        let file = TestPaths.path(".pre-commit-hooks.yaml")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let list = try #require(try DocumentLoader().parse(bytes: bytes, file: file, format: .yaml).root.listValue)
        return try list.map { hook in
            Hook(id: try #require(hook["id"]?.stringValue),
                 files: try Regex(try #require(hook["files"]?.stringValue)),
                 exclude: try hook["exclude"]?.stringValue.map { try Regex($0) },
                 arguments: hook["args"]?.listValue?.compactMap(\.stringValue) ?? [])
        }
    }

    static func hook(_ id: String) throws -> Hook { try #require(try hooks().first { $0.id == id }) }

    /// A project as pre-commit sees it: templates in several folders and names, and the files around them.
    static let project: [String: String] = [
        "template.yaml": Templates.clean,
        "infra/stack.yaml": Templates.clean,
        "infra/network.yml": Templates.clean,
        "infra/legacy/App.TEMPLATE": #"{"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}"#,
        "api/Stack.JSON": #"{"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}"#,
        "package.json": #"{"name": "infra", "version": "1.0.0"}"#,
        "web/package-lock.json": #"{"name": "web", "lockfileVersion": 3}"#,
        "tsconfig.json": #"{"compilerOptions": {"strict": true}}"#,
        "cdk.json": #"{"app": "npx ts-node bin/app.ts"}"#,
        ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        ".pre-commit-config.yaml": "repos: []\n",
        "node_modules/some-package/template.yaml": Templates.clean,
        "README.md": "# infra\n",
        "bin/app.ts": "new App();\n",
    ]

    @Test func selectsWhatNagFindsInAFolder() throws {
        let hook = try Self.hook("nag")
        #expect(hook.selects("template.yaml"))
        #expect(hook.selects("infra/stack.yaml"))
        let scratch = try Scratch()
        for (path, text) in Self.project { try scratch.write(path, text) }

        let report = try NagBinary.run(["--format", "json", "."], in: scratch.root)
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let found = Set((json["files"] as? [[String: Any]] ?? []).compactMap { ($0["file"] as? String).map { String($0.dropFirst(2)) } })
        #expect(found == ["template.yaml", "infra/stack.yaml", "infra/network.yml", "infra/legacy/App.TEMPLATE", "api/Stack.JSON"])
        let selected = Set(Self.project.keys.filter(hook.selects))
        #expect(selected == found, "the hook selects \(selected.sorted()), nag finds \(found.sorted())")

        // pre-commit then runs the entry with the hook's args and the selected files: every one is a template.
        let run = try NagBinary.run(hook.arguments + ["--format", "json"] + selected.sorted(), in: scratch.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let summary = (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["files"] as? Int == 5 && summary?["filesFailed"] as? Int == 0, "\(run.stdout)")
    }

    @Test func cdkOutHookTakesTheSynthesizedStacks() throws {
        let hook = try Self.hook("nag-cdk-out")
        #expect(hook.selects("cdk.out/App.template.json"))
        #expect(hook.selects("services/api/cdk.out/Api.template.json"))
        #expect(!hook.selects("cdk.out/manifest.json"))
        #expect(!hook.selects("cdk.out/asset.1234/template.json"))
        #expect(try !Self.hook("nag").selects("cdk.out/App.template.json"), "both hooks would check the stack")
    }
}
