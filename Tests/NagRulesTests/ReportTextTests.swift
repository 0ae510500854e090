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

    /// The eight-bytes-at-a-time copy stops where a byte-by-byte search finds the first byte to escape, for
    /// every byte value at every place in strings of 1 to 24 bytes, among plain letters and among bytes just
    /// outside each escaped range, and copies exactly the bytes before it.
    @Test func copyingStopsAtTheFirstByteToEscape() {
        func naive(_ bytes: [UInt8]) -> Int { bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count }
        var target = [UInt8](repeating: 0, count: 24)
        for length in 1...24 {
            for filler in [UInt8(ascii: "a"), 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF] {
                for position in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = byte
                        target.withUnsafeMutableBufferPointer { $0.update(repeating: 1) }
                        let copied = bytes.withUnsafeBufferPointer { source in
                            target.withUnsafeMutableBufferPointer { ReportText.copyUntilEscape(source, to: $0.baseAddress!) }
                        }
                        let expected = naive(bytes)
                        #expect(copied == expected, "length \(length), filler \(filler), byte \(byte) at \(position)")
                        #expect(target[..<copied] == bytes[..<min(copied, length)], "length \(length), byte \(byte) at \(position)")
                    }
                }
            }
        }
    }

    @Test func escapesAfterALongPlainRunKeepTheTextBeforeThem() {
        var text = ReportText()
        text.appendJSONString("0123456789abcdef\"tail\u{7}é")
        text.appendJSONString(String(repeating: "é", count: 20))
        #expect(text.string == "\"0123456789abcdef\\\"tail\\u0007é\"\"" + String(repeating: "é", count: 20) + "\"")
    }

    /// A copy of the text shares its bytes until one side writes; then each keeps its own.
    @Test func copiesOfTheTextAreIndependent() {
        var first = ReportText(capacity: 0)
        first.append("shared")
        var second = first
        second.append(" and more")
        first.append(byte: UInt8(ascii: "!"))
        #expect(first.string == "shared!")
        #expect(second.string == "shared and more")
        second.clear()
        #expect(first.string == "shared!")
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

    /// A sink gets the bytes as they are; any other stream gets the same text as strings.
    @Test func flushingHandsBytesToASink() {
        var bytes: [UInt8] = []
        var pieces = 0
        var sink = UTF8Sink {
            bytes += $0
            pieces += 1
        }
        var string = ""
        for output in 0..<2 {
            var text = ReportText()
            text.append("é ")
            text.appendJSONString("x\ty")
            if output == 0 { text.flush(to: &sink) } else { text.flush(to: &string) }
            #expect(text.isEmpty)
        }
        sink.write("!")
        #expect(pieces == 2)
        #expect(bytes == Array((string + "!").utf8))
        #expect(string == "é \"x\\ty\"")
    }
}
