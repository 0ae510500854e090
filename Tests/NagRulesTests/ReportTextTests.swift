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

    /// The eight-bytes-at-a-time test agrees with a byte-by-byte one for every byte value at every place in
    /// strings of 1 to 24 bytes, among plain letters and among bytes just outside each escaped range.
    @Test func escapeDetectionAgreesWithTheByteTest() {
        func naive(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        for length in 1...24 {
            for filler in [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF] {
                for position in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = byte
                        let found = bytes.withUnsafeBufferPointer { ReportText.needsJSONEscape($0) }
                        #expect(found == naive(bytes), "length \(length), filler \(filler), byte \(byte) at \(position)")
                    }
                }
            }
        }
    }

    @Test(arguments: [0, 1, 5, 32, 33, 40])
    func newlinesIndentByTwoSpacesAtAnyDepth(indent: Int) {
        var text = ReportText()
        text.append("x")
        text.appendNewline(indent: indent)
        text.append("y")
        #expect(text.string == "x\n" + String(repeating: " ", count: 2 * indent) + "y")
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
