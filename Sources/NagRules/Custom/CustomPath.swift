/// A property path in a custom rule: `RuntimePlatform.CpuArchitecture`, `ContainerDefinitions[*].User`,
/// `LoadBalancerAttributes[Key=deletion_protection.enabled].Value`, `Tags[0].Key`.
///
/// Paths start inside the resource's `Properties` (or inside the list item or related resource a nested
/// condition looks at). A key that holds a dot or a bracket is written in double quotes: `Options."a.b"`.
package struct CustomPath: Sendable, Hashable, CustomStringConvertible {
    package enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
        /// `[*]`: every item of a list.
        case every
        /// `[Key=Value]`: the items of a list of maps whose `Key` is `Value` (compared as text); the key may
        /// be a dotted path inside the item (`[LogConfiguration.LogDriver=awslogs]`).
        case filter(keys: [String], value: String)

        /// Whether the step can give more or fewer than one value.
        var fansOut: Bool {
            switch self {
            case .every, .filter: true
            case .key, .index: false
            }
        }
    }

    package let steps: [Step]
    /// The path as written.
    package let text: String

    /// The empty path: the value in scope itself.
    package static let current = CustomPath(steps: [], text: "")

    init(steps: [Step], text: String) {
        self.steps = steps
        self.text = text
    }

    /// Whether the path can give more or fewer than one value (it has `[*]` or a filter).
    package var fansOut: Bool { steps.contains(where: \.fansOut) }

    package var description: String { text }

    /// Why a path cannot be read, and at which character (0-based offset into the text).
    package struct ParseError: Error, Sendable, Equatable {
        package var message: String
        package var offset: Int
    }

    /// Parses a path; the error names the offending character.
    package static func parse(_ text: String) throws(ParseError) -> CustomPath {
        var parser = PathParser(characters: Array(text))
        return CustomPath(steps: try parser.parse(), text: text)
    }
}

private struct PathParser {
    let characters: [Character]
    var offset = 0
    var steps: [CustomPath.Step] = []

    init(characters: [Character]) { self.characters = characters }

    var current: Character? { offset < characters.count ? characters[offset] : nil }

    mutating func parse() throws(CustomPath.ParseError) -> [CustomPath.Step] {
        guard !characters.isEmpty else { throw fail("the path is empty") }
        while true {
            try key()
            while current == "[" { try bracket() }
            guard let next = current else { return steps }
            guard next == "." else { throw fail("expected `.` or `[` after a key, found `\(next)`") }
            offset += 1
        }
    }

    mutating func key() throws(CustomPath.ParseError) {
        if current == "\"" {
            offset += 1
            var name = ""
            while let character = current, character != "\"" {
                name.append(character)
                offset += 1
            }
            guard current == "\"" else { throw fail("the quoted key is not closed with `\"`") }
            guard !name.isEmpty else { throw fail("a quoted key is empty") }
            offset += 1
            steps.append(.key(name))
            return
        }
        var name = ""
        while let character = current, character != ".", character != "[" {
            guard character != "]", character != "\"", character != " " || !name.isEmpty else {
                throw fail("unexpected `\(character)` in a key")
            }
            name.append(character)
            offset += 1
        }
        guard !name.isEmpty else { throw fail(current == nil ? "the path ends where a key is expected" : "a key is empty") }
        guard name.last != " " else { throw fail("a key ends with a space") }
        steps.append(.key(name))
    }

    mutating func bracket() throws(CustomPath.ParseError) {
        let start = offset
        offset += 1
        var content = ""
        while let character = current, character != "]" {
            content.append(character)
            offset += 1
        }
        guard current == "]" else {
            offset = start
            throw fail("`[` is not closed with `]`")
        }
        offset += 1
        if content == "*" {
            steps.append(.every)
        } else if let index = Int(content), index >= 0, content.allSatisfy(\.isNumber) {
            steps.append(.index(index))
        } else if let equals = content.firstIndex(of: "="), equals != content.startIndex {
            let keys = content[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard keys.allSatisfy({ !$0.isEmpty }) else {
                offset = start
                throw fail("the filter `[\(content)]` has an empty key")
            }
            let value = String(content[content.index(after: equals)...])
            steps.append(.filter(keys: keys, value: value))
        } else {
            offset = start
            throw fail("`[\(content)]` is not `[*]`, an index like `[0]` or a filter like `[Key=Value]`")
        }
    }

    func fail(_ message: String) -> CustomPath.ParseError {
        CustomPath.ParseError(message: message, offset: offset)
    }
}
