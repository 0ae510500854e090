import Testing
@testable import NagLSP

@Suite struct TextDocumentTests {
    private func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> JSONValue {
        ["range": ["start": ["line": .int(startLine), "character": .int(startCharacter)],
                   "end": ["line": .int(endLine), "character": .int(endCharacter)]],
         "text": .string(text)]
    }

    @Test func appliesIncrementalChangesCountingUTF16() throws {
        // 😀 is two UTF-16 code units (four UTF-8 bytes), é one (two bytes).
        var document = TextDocument(uri: "file:///t.yaml", version: 1, languageId: "yaml", text: "a: 😀é x\nb: 2\n")
        try document.apply([change(0, 7, 0, 8, "y")])
        #expect(document.text == "a: 😀é y\nb: 2\n")
        try document.apply([change(0, 3, 0, 5, "ok"), change(1, 3, 1, 4, "3")])
        #expect(document.text == "a: oké y\nb: 3\n")
    }

    @Test func appliesChangesAcrossLinesAndWithCRLF() throws {
        var document = TextDocument(uri: "u", version: 1, languageId: "json", text: "one\r\ntwo\rthree\nfour")
        try document.apply([change(0, 2, 2, 1, "E+T")])
        #expect(document.text == "onE+Three\nfour")
        try document.apply([change(1, 4, 1, 4, "!")])
        #expect(document.text == "onE+Three\nfour!")
    }

    @Test func clampsPositionsPastTheEnd() throws {
        var document = TextDocument(uri: "u", version: 1, languageId: "yaml", text: "ab\ncd")
        try document.apply([change(0, 99, 0, 99, "!")])
        #expect(document.text == "ab!\ncd")
        try document.apply([change(9, 0, 9, 0, "?")])
        #expect(document.text == "ab!\ncd?")
    }

    @Test func replacesTheWholeTextWithoutARange() throws {
        var document = TextDocument(uri: "u", version: 1, languageId: "yaml", text: "old")
        try document.apply([["text": "new"], change(0, 0, 0, 1, "N")])
        #expect(document.text == "New")
    }

    @Test func refusesAMalformedChangeAndKeepsTheText() {
        var store = DocumentStore()
        _ = try? store.open(["textDocument": ["uri": "u", "version": 1, "languageId": "yaml", "text": "keep"]])
        #expect(throws: RPCError.self) {
            try store.change(["textDocument": ["uri": "u", "version": 2], "contentChanges": [["range": ["start": 1], "text": "x"]]])
        }
        #expect(store["u"]?.text == "keep")
        #expect(store["u"]?.version == 1)
        #expect(throws: RPCError.self) {
            try store.change(["textDocument": ["uri": "other", "version": 2], "contentChanges": [["text": "x"]]])
        }
    }

    @Test func convertsNagPositionsToLSPPositions() {
        // nag counts columns in Unicode scalars from 1; LSP counts UTF-16 code units from 0.
        let lines = LineTable(Array("k: 😀 v\n  \"x\": true,\n".utf8))
        #expect(lines.position(ofOffset: lines.offset(line: 1, column: 6)) == TextPosition(line: 0, character: 6))
        #expect(lines.range(of: .init(line: 2, column: 3)) == TextRange(start: .init(line: 1, character: 2), end: .init(line: 1, character: 11)))
        #expect(lines.range(of: .init(line: 1, column: 1)) == TextRange(start: .init(line: 0, character: 0), end: .init(line: 0, character: 7)))
    }

    @Test func convertsFileURIsToPaths() {
        #expect(DocumentURI.path(of: "file:///work/my%20stack/t.yaml") == "/work/my stack/t.yaml")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == "untitled:Untitled-1")
        #expect(DocumentURI.uri(ofPath: "/a b/t.json") == "file:///a%20b/t.json")
    }
}
