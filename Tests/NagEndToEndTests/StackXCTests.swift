import NagTesting
import XCTest

/// The same gate through the XCTest assertion, as XCTest users write it.
final class StackXCTests: XCTestCase {
    func testReferenceStackHasNoUnsuppressedErrors() {
        XCTAssertNagClean(templateAt: TestPaths.stack, packs: ["AwsSolutions", "Edge"], failOn: .error)
    }
}
