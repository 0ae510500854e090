import Foundation
import NagRules
import Testing

/// `action.yml`, read with nag's own YAML loader: a composite action whose inputs, steps and expressions
/// fit together, and whose check and fail steps, run as GitHub runs a bash step, write SARIF and fail the job
/// on findings.
@Suite struct ActionTests {
    static let file = TestPaths.path("action.yml")

    static func action() throws -> Value {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        return try DocumentLoader().parse(bytes: bytes, file: file, format: .yaml).root
    }

    static func steps() throws -> [Value] { try #require(action()["runs"]?["steps"]?.listValue) }

    static func step(id: String) throws -> Value { try #require(steps().first { $0["id"]?.stringValue == id }) }

    @Test func isACompositeActionWithDescribedInputs() throws {
        let action = try Self.action()
        #expect(action["name"]?.stringValue == "nag")
        #expect(action["description"]?.stringValue?.isEmpty == false)
        #expect(action["runs"]?["using"]?.stringValue == "composite")
        let inputs = try #require(action["inputs"]?.mapValue)
        #expect(Set(inputs.keys).isSuperset(of: ["paths", "packs", "fail-on", "args", "sarif-file", "upload-sarif"]))
        for input in inputs.entries {
            #expect(input.value["description"]?.stringValue?.isEmpty == false, "input \(input.key) has no description")
            #expect(input.value["default"]?.stringValue != nil, "input \(input.key) has no default")
        }
        #expect(inputs["fail-on"]?["default"]?.stringValue == "error")
        #expect(inputs["upload-sarif"]?["default"]?.stringValue == "false")
        for output in try #require(action["outputs"]?.mapValue).entries {
            #expect(output.value["value"]?.stringValue?.hasPrefix("${{") == true, "output \(output.key) has no value")
        }
    }

    @Test func everyStepRunsBashOrUsesAPinnedAction() throws {
        for step in try Self.steps() {
            let name = try #require(step["name"]?.stringValue, "a step has no name")
            if let uses = step["uses"]?.stringValue {
                #expect(step["run"] == nil, "\(name) both uses and runs")
                #expect(uses.wholeMatch(of: /[\w.-]+\/[\w.\/-]+@(v\d+|[0-9a-f]{40})/) != nil, "\(name): \(uses) is pinned to no major version or commit")
            } else {
                let script = try #require(step["run"]?.stringValue, "\(name) neither runs nor uses")
                #expect(step["shell"]?.stringValue == "bash", "\(name) names no shell (composite steps must)")
                // Inputs and outputs reach a script through env, so their text is never pasted into the script.
                #expect(!script.contains("${{"), "\(name) pastes an expression into its script")
            }
        }
    }

    @Test func expressionsNameDeclaredInputsAndOutputsStepsWrite() throws {
        let text = try String(contentsOfFile: Self.file, encoding: .utf8)
        let inputs = Set(try Self.action()["inputs"]?.mapValue?.keys ?? [])
        for match in text.matches(of: /inputs\.([A-Za-z0-9_-]+)/) {
            #expect(inputs.contains(String(match.output.1)), "inputs.\(match.output.1) is not declared")
        }
        let steps = try Self.steps()
        for match in text.matches(of: /steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/) {
            let (id, output) = (String(match.output.1), String(match.output.2))
            let step = try #require(steps.first { $0["id"]?.stringValue == id }, "no step has the id \(id)")
            if let script = step["run"]?.stringValue {
                #expect(script.contains("\"\(output)="), "step \(id) never writes \(output) to GITHUB_OUTPUT")
            } else {
                #expect(step["uses"]?.stringValue?.hasPrefix("actions/cache/") == true && output == "cache-hit")
            }
        }
    }

    @Test func nagIsBuiltWithTheReleaseScriptAndCachedOnItsCommit() throws {
        let steps = try Self.steps()
        let build = try #require(steps.first { $0["run"]?.stringValue?.contains("\"$GITHUB_ACTION_PATH/scripts/build-release\"") == true })
        #expect(build["if"]?.stringValue == "steps.cache.outputs.cache-hit != 'true'")
        #expect(FileManager.default.isExecutableFile(atPath: TestPaths.path("scripts/build-release")))
        let caches = steps.filter { $0["uses"]?.stringValue?.hasPrefix("actions/cache/") == true }
        #expect(caches.map { $0["uses"]?.stringValue } == ["actions/cache/restore@v4", "actions/cache/save@v4"])
        let keys = Set(caches.compactMap { $0["with"]?["key"]?.stringValue })
        #expect(keys.count == 1, "restore and save use different keys: \(keys)")
        #expect(keys.first?.contains("${{ steps.commit.outputs.key }}") == true)
        let commit = try #require(try Self.step(id: "commit")["run"]?.stringValue)
        #expect(commit.contains("git rev-parse HEAD"))
    }

    @Test func checkStepWritesSARIFAndPassesAStackThatPasses() throws {
        let run = try CheckStep(paths: "server/stack/websocket-service.yaml", packs: "AwsSolutions, Edge",
                                failOn: "warning", args: "--rules rules/fargate-service.yaml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.outputs == ["exit-code": "0", "sarif-written": "true"])
        let sarif = try run.sarif()
        #expect(sarif["version"] as? String == "2.1.0")
        let rules = (run.driver(sarif)?["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(rules.contains("Service-ECS1"), "the args input (--rules) did not reach nag")
        #expect(rules.contains("Edge-CFR1") && rules.contains("AwsSolutions-S1"))
    }

    @Test func checkStepReportsFindingsAndTheFailStepFailsTheJob() throws {
        let run = try CheckStep(paths: "Tests/Fixtures/stack/unsafe-service.yaml\nserver/stack/websocket-service.yaml",
                                packs: "AwsSolutions", failOn: "error", args: "")
        #expect(run.status == 0, "the check step itself must not fail before the SARIF upload: \(run.stderr)")
        #expect(run.outputs["exit-code"] == "1")
        #expect(run.stdout.contains("error AwsSolutions-S10 Uploads"))
        let results = (try run.sarif()["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let ruleIds = Set(results.compactMap { $0["ruleId"] as? String })
        #expect(ruleIds.contains("AwsSolutions-S10"))
        #expect(!ruleIds.contains { $0.hasPrefix("Edge-") }, "the packs input did not replace nag's default packs")

        let fail = try #require(try Self.steps().first { $0["name"]?.stringValue == "Fail on findings" })
        #expect(fail["if"]?.stringValue == "steps.check.outputs.exit-code != '0'")
        let script = try Scratch()
        let path = try script.write("fail.sh", try #require(fail["run"]?.stringValue))
        let failed = try TestPaths.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", path], environment: ["STATUS": "1"])
        #expect(failed.status == 1)
        #expect(failed.stdout.hasPrefix("::error::nag found unsuppressed findings"))
    }
}

/// The action's check step, run as GitHub runs a `shell: bash` step, with the inputs in the environment
/// variables the step declares and the nag built with these tests.
private struct CheckStep {
    let status: Int32
    let stdout: String
    let stderr: String
    let outputs: [String: String]
    let sarifPath: String
    private let scratch: Scratch

    init(paths: String, packs: String, failOn: String, args: String) throws {
        let step = try ActionTests.step(id: "check")
        scratch = try Scratch()
        sarifPath = scratch.url("nag.sarif").path
        let environment = ["NAG": TestPaths.nagBinary, "NAG_PATHS": paths, "NAG_PACKS": packs, "NAG_FAIL_ON": failOn,
                           "NAG_ARGS": args, "NAG_SARIF": sarifPath]
        #expect(Set(step["env"]?.mapValue?.keys ?? []) == Set(environment.keys), "the check step's environment changed")
        let script = try scratch.write("check.sh", try #require(step["run"]?.stringValue))
        let githubOutput = try scratch.write("github-output", "")
        let result = try TestPaths.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", script],
                                       environment: environment.merging(["GITHUB_OUTPUT": githubOutput]) { $1 })
        status = result.status
        stdout = result.stdout
        stderr = result.stderr
        let lines = try String(contentsOfFile: githubOutput, encoding: .utf8).split(separator: "\n")
        outputs = Dictionary(lines.map { line in
            let parts = line.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }) { $1 }
    }

    func sarif() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: sarifPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func driver(_ sarif: [String: Any]) -> [String: Any]? {
        ((sarif["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
    }
}
