/// A path pattern of the configuration file: `*` matches within one path segment, `**` across segments
/// (`infra/**/*.yaml`), `?` one character. A pattern without `/` is matched against the file name alone, so
/// `*.generated.json` matches in every folder.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    public var description: String { pattern }

    /// Whether `text` (a path, a logical id or a construct path) matches. A leading `./` of a path is ignored.
    public func matches(_ text: String) -> Bool {
        let subject = Self.trimmed(text)
        let pattern = Self.trimmed(self.pattern)
        if Self.match(Array(pattern.unicodeScalars), Array(subject.unicodeScalars)) { return true }
        guard !pattern.contains("/"), let name = subject.split(separator: "/").last else { return false }
        return Self.match(Array(pattern.unicodeScalars), Array(String(name).unicodeScalars))
    }

    private static func trimmed(_ path: String) -> String {
        var result = Substring(path)
        while result.hasPrefix("./") { result = result.dropFirst(2) }
        return String(result)
    }

    /// Iterative wildcard matching with one backtrack point per star kind: linear in practice, never exponential.
    private static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var memo = Set<[Int]>()
        func go(_ i: Int, _ j: Int) -> Bool {
            if i == p.count { return j == s.count }
            guard memo.insert([i, j]).inserted else { return false }
            if p[i] == "*" {
                let doubled = i + 1 < p.count && p[i + 1] == "*"
                var next = doubled ? i + 2 : i + 1
                // `**/` also matches no folder at all.
                if doubled, next < p.count, p[next] == "/", go(next + 1, j) { return true }
                if doubled && next == p.count { next = p.count }
                var k = j
                while true {
                    if go(next, k) { return true }
                    guard k < s.count, doubled || s[k] != "/" else { return false }
                    k += 1
                }
            }
            guard j < s.count else { return false }
            if p[i] == "?" ? s[j] != "/" : p[i] == s[j] { return go(i + 1, j + 1) }
            return false
        }
        return go(0, 0)
    }
}
