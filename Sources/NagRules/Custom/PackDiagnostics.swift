/// Collects the errors found in one pack file, each with its line and column.
struct PackDiagnostics {
    let file: String
    /// The file's lines, to tell where a quoted scalar's text starts.
    let lines: [Substring]
    private(set) var errors: [LoadDiagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    mutating func error(_ message: String, at position: Position, related: [Position] = []) {
        errors.append(LoadDiagnostic(message, at: FileLocation(file: file, position: position),
                                     related: related.map { FileLocation(file: file, position: $0) }))
    }

    /// The position of the character `offset` characters into the text of the scalar written at `position`
    /// (one further on when the scalar is quoted).
    func position(inScalarAt position: Position, offset: Int) -> Position {
        var column = position.column + offset
        if position.line >= 1, position.line <= lines.count {
            let line = lines[position.line - 1].unicodeScalars
            if let index = line.index(line.startIndex, offsetBy: position.column - 1, limitedBy: line.endIndex),
               index < line.endIndex, line[index] == "\"" || line[index] == "'" {
                column += 1
            }
        }
        return Position(line: position.line, column: column)
    }

    /// Reports every key of `map` that is not in `allowed`, suggesting a close one.
    mutating func checkKeys(_ map: ValueMap, allowed: [String], in what: String) {
        for entry in map.entries where !allowed.contains(entry.key) {
            if let close = Self.closest(to: entry.key, in: allowed) {
                error("unknown key `\(entry.key)` in \(what) (did you mean `\(close)`?)", at: entry.keyPosition)
            } else {
                error("unknown key `\(entry.key)` in \(what) (expected \(allowed.map { "`\($0)`" }.joined(separator: ", ")))", at: entry.keyPosition)
            }
        }
    }

    /// The candidate within two edits of `word` (case ignored), if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(Array(word.lowercased()), Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
