/// A template that shows a rule's behaviour, run as a test.
///
/// In a non-compliant example, `↓` marks each place a finding must point at (the marker is removed before
/// the template is loaded). Examples record where they are written, so a failing one points at itself.
public struct RuleExample: Sendable {
    public enum Expectation: Sendable, Equatable {
        case compliant
        case nonCompliant
        /// The rule cannot decide (an unresolved intrinsic); `↓` marks where the unknown value is written.
        case unknown
    }

    public static let marker: Character = "↓"

    public let expectation: Expectation
    public let template: String
    /// Expected granular finding ids, for rules that report them (`Action::s3:*`).
    public let findingIds: [String]
    /// Parameter values to evaluate the example with.
    public let parameters: [String: String]
    /// For a non-compliant example: the check also leaves a part undecided (an unknown beside the violations).
    public var partlyUndecided = false
    /// The parameter choices the example's findings hold under (``Scenario/condition``: `Encrypt=false`);
    /// nil when they hold whatever a deployer chooses.
    public var scenario: String?
    public let file: String
    public let line: Int

    public init(_ expectation: Expectation, _ template: String, findingIds: [String] = [],
                parameters: [String: String] = [:], file: String = #filePath, line: Int = #line) {
        self.expectation = expectation
        self.template = template
        self.findingIds = findingIds
        self.parameters = parameters
        self.file = file
        self.line = line
    }

    public static func compliant(_ template: String, parameters: [String: String] = [:],
                                 file: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(.compliant, template, parameters: parameters, file: file, line: line)
    }

    /// A template that breaks the check; `when` names the parameter choices it breaks it under.
    public static func nonCompliant(_ template: String, findingIds: [String] = [], parameters: [String: String] = [:],
                                    when scenario: String? = nil, partlyUndecided: Bool = false,
                                    file: String = #filePath, line: Int = #line) -> RuleExample {
        var example = RuleExample(.nonCompliant, template, findingIds: findingIds, parameters: parameters, file: file, line: line)
        example.partlyUndecided = partlyUndecided
        example.scenario = scenario
        return example
    }

    public static func unknown(_ template: String, parameters: [String: String] = [:], when scenario: String? = nil,
                               file: String = #filePath, line: Int = #line) -> RuleExample {
        var example = RuleExample(.unknown, template, parameters: parameters, file: file, line: line)
        example.scenario = scenario
        return example
    }

    /// The template text without markers, and the positions the markers stood at.
    public var markedTemplate: (text: String, markers: [Position]) {
        var text = ""
        var markers: [Position] = []
        var line = 1
        var column = 1
        for character in template {
            if character == Self.marker {
                markers.append(Position(line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return (text, markers)
    }
}
