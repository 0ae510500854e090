import Foundation
import Testing

/// Every report format's exact output on fixed templates, compared byte for byte with the golden files in
/// Tests/Fixtures/golden/expected/.
///
/// To accept a deliberate change of output, regenerate them and review the diff:
///
///     NAG_UPDATE_GOLDEN=1 swift test --filter GoldenTests
///
/// The run uses relative paths from the package root (so paths in the output are stable) and names its
/// rules explicitly (`--rule AwsSolutions-S1 --rule AwsSolutions-S2`: S1, S10 and S2, plus the Nag
/// suppression checks), so new rules in the packs do not change the goldens. Rule texts do: after editing
/// the cause, explanation or fix of S1, S2 or S10, regenerate.
@Suite(.enabled(if: NagBinary.exists, "build nag first (swift build): \(NagBinary.path) is missing"))
struct GoldenTests {
    static let directory = "Tests/Fixtures/golden"
    static let inputs = ["\(directory)/app.yaml", "\(directory)/clean.json", "\(directory)/missing.yaml"]
    static let rules = ["--rule", "AwsSolutions-S1", "--rule", "AwsSolutions-S2"]
    static let update = ProcessInfo.processInfo.environment["NAG_UPDATE_GOLDEN"] == "1"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "text", arguments: ["--format", "text"]),
        Case(name: "text-show-suppressed", arguments: ["--format", "text", "--show-suppressed"]),
        Case(name: "json", arguments: ["--format", "json"]),
        Case(name: "sarif", arguments: ["--format", "sarif"]),
        Case(name: "junit", arguments: ["--format", "junit"]),
        Case(name: "csv", arguments: ["--format", "csv"]),
    ]

    @Test(arguments: cases)
    func golden(_ testCase: Case) throws {
        let result = try NagBinary.run(Self.rules + testCase.arguments + Self.inputs, environment: ["NO_COLOR": "1"])
        // missing.yaml does not exist: the run reports it and exits 2, with every other finding still reported.
        #expect(result.status == 2, "\(result.stderr)")
        let golden = NagBinary.packageRoot.appendingPathComponent("\(Self.directory)/expected/\(testCase.name).golden")
        if Self.update {
            try Data(result.stdout.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.stdout == expected, "\(testCase.name) differs from \(golden.path) \(Self.firstDifference(expected, result.stdout)); run NAG_UPDATE_GOLDEN=1 swift test --filter GoldenTests to accept")
    }

    /// The golden run's text output also lists the load error on standard output; other formats report it on
    /// standard error too, so a CI log shows it whatever the format.
    @Test func loadErrorsGoToStandardErrorInMachineFormats() throws {
        let result = try NagBinary.run(Self.rules + ["--format", "csv"] + Self.inputs)
        #expect(result.stderr == "\(Self.directory)/missing.yaml:1:1: error: no such file or directory\n")
    }

    @Test func goldenFixturesCoverEveryKindOfRow() throws {
        let csv = try String(contentsOf: NagBinary.packageRoot.appendingPathComponent("\(Self.directory)/expected/csv.golden"), encoding: .utf8)
        for compliance in ["\"Compliant\"", "\"Non-Compliant\"", "\"Suppressed\"", "\"UNKNOWN\""] {
            #expect(csv.contains(compliance), "the golden fixtures lost their \(compliance) case")
        }
        for rule in ["AwsSolutions-S1", "AwsSolutions-S2", "AwsSolutions-S10", "Nag-SUP1", "Nag-SUP3", "Nag-SUP4"] {
            #expect(csv.contains("\"\(rule)\""), "the golden fixtures lost their \(rule) case")
        }
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < b.count ? String(b[index]) : "<end>"
            if left != right { return "at line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return ""
    }
}
