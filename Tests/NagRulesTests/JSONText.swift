@testable import NagRules

/// JSON text parsed the way the loader parses a file, for the parser's tests.
enum JSONText {
    static func parse(_ text: String) throws -> Value {
        try Array(text.utf8).withUnsafeBytes { try JSONParser.parse($0) }
    }

    /// The error parsing `text` fails with, nil when it parses.
    static func failure(_ text: String) -> ParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? ParseError
        }
    }
}
