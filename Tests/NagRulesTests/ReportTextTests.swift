@testable import NagRules
import Testing

/// The byte-level escaping the machine formats write with keeps multi-byte characters whole and escapes
/// exactly what the character-level rules escape.
struct ReportTextTests {
    @Test func xmlEscapingReplacesNonCharactersAndKeepsOtherMultiByteText() {
        #expect(XML.escape("é\u{FFFE}x\u{FFFF}\u{FFFD}\u{EFBF}😀") == "é\u{FFFD}x\u{FFFD}\u{FFFD}\u{EFBF}😀")
        #expect(XML.escape("a\rb\u{1B}", attribute: false) == "a&#13;b\u{FFFD}")
        #expect(XML.escape("&\u{301}") == "&amp;\u{301}")
    }

    @Test func jsonStringsEscapeControlCharactersInLowerCaseHex() {
        var text = ReportText()
        text.appendJSONString("q\"\\\n\r\t\u{1B}\u{1}é")
        #expect(text.string == "\"q\\\"\\\\\\n\\r\\t\\u001b\\u0001é\"")
    }

    @Test func csvFieldsDoubleQuotes() {
        var text = ReportText()
        text.appendCSVQuoted("say \"hi\", é")
        #expect(text.string == "\"say \"\"hi\"\", é\"")
    }

    @Test func integersAreWrittenInDecimal() {
        var text = ReportText()
        for value in [0, 7, -42, 1_234_567, Int.min] {
            text.append(value)
            text.append(byte: UInt8(ascii: " "))
        }
        #expect(text.string == "0 7 -42 1234567 \(Int.min) ")
    }
}
