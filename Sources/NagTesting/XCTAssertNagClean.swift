#if canImport(XCTest)
import NagRules
import XCTest

/// Fails the test when nag finds unsuppressed findings at or above `failOn` in a template, listing each one
/// with its file:line:col and rule id.
///
/// ```swift
/// func testStackIsClean() {
///     XCTAssertNagClean(templateAt: "stack/service.yaml", packs: ["AwsSolutions", "Edge"], failOn: .error)
/// }
/// ```
public func XCTAssertNagClean(templateAt path: String, packs: [String] = BuiltInPacks.defaultNames,
                              failOn: RuleLevel = .error, parameters: [String: String] = [:],
                              file: StaticString = #filePath, line: UInt = #line) {
    do {
        let findings = try nagFindings(templateAt: path, packs: packs, failOn: failOn, parameters: parameters)
        if !findings.isEmpty {
            XCTFail("nag found problems in \(path): \(findings)", file: file, line: line)
        }
    } catch {
        XCTFail("nag could not run on \(path): \(error)", file: file, line: line)
    }
}
#endif
