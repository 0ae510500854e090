import Testing
@testable import NagLSP

@Suite struct JSONValueTests {
    @Test func parsesEveryKindAndRendersWithSortedKeys() throws {
        let value = try JSONValue(parsing: Array(#"{"b": [1, 2.5, true, null], "a": "x\"y"}"#.utf8))
        #expect(value["a"] == "x\"y")
        #expect(value["b"]?.arrayValue?.count == 4)
        #expect(value["b"]?.arrayValue?.first?.intValue == 1)
        #expect(value.rendered() == #"{"a":"x\"y","b":[1,2.5,true,null]}"#)
    }

    @Test func refusesWhatIsNotJSON() {
        #expect(throws: (any Error).self) { try JSONValue(parsing: Array("{\"a\": ".utf8)) }
        #expect(throws: (any Error).self) { try JSONValue(parsing: Array("Content-Length: 3".utf8)) }
    }
}
