@testable import NagRules

/// Helpers for the SAM expansion tests.
enum SAMTest {
    /// Loads `yaml` and expands it as the pipeline does.
    static func load(_ yaml: String, file: String = "sam.yaml") throws -> Template {
        try TemplateLoader().load(bytes: Array(yaml.utf8), file: file).expandingServerlessResources()
    }

    /// Evaluates `yaml` with the AwsSolutions pack and applies its suppressions.
    static func findings(_ yaml: String) throws -> [Finding] {
        let report = try Linter(selection: RuleSelection(packNames: ["AwsSolutions"]))
            .run([.standardInput(Array(yaml.utf8))])
        return report.findings
    }

    /// The 1-based line and column of the `↓` marker in `text` (the position the marker stands before), and
    /// the text without the marker.
    static func marked(_ text: String) -> (text: String, position: Position) {
        var line = 1, column = 1
        for character in text.unicodeScalars {
            if character == "↓" { break }
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (text.replacingMarker(), Position(line: line, column: column))
    }
}

extension String {
    fileprivate func replacingMarker() -> String { String(unicodeScalars.filter { $0 != "↓" }.map(Character.init)) }
}
