import NagRules

/// The edit behind "Suppress RULE here": a `cdk_nag` `rules_to_suppress` entry in the resource's `Metadata`,
/// written in the template's own syntax and indentation.
///
/// It adds only what is missing: the entry to an existing `rules_to_suppress` list (as its first item, in the
/// list's own dash style), or `rules_to_suppress` to an existing `cdk_nag`, or `cdk_nag` to an existing
/// `Metadata`, or `Metadata` to the resource. A block map gains a key before its first one, at that key's
/// indentation; a flow collection (every JSON template) gains a member after its opening bracket, on a line of
/// its own when the collection is written one member per line, inline when it is written on one line. The
/// entry names the granular finding in `applies_to` when the finding has one; an unknown is suppressed as
/// cdk-nag does, with `CdkNagValidationFailure` applying to the rule. The reason is a placeholder to replace.
struct SuppressionEdit: Sendable {
    let lines: LineTable

    /// Written as the reason: long enough to count as one (Nag-SUP1), plain enough that nobody keeps it.
    static let reasonPlaceholder = "TODO: why this finding is acceptable for this resource"

    /// What one generated piece of YAML or JSON holds.
    indirect enum Snippet: Sendable, Equatable {
        case map([(key: String, value: Snippet)])
        case list([Snippet])
        case string(String)

        static func == (a: Snippet, b: Snippet) -> Bool {
            switch (a, b) {
            case (.string(let x), .string(let y)): x == y
            case (.list(let x), .list(let y)): x == y
            case (.map(let x), .map(let y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
            default: false
            }
        }
    }

    /// The suppression entry for a finding.
    static func entry(for finding: Finding) -> Snippet {
        var members: [(key: String, value: Snippet)]
        if finding.kind == .unknown {
            members = [("id", .string("CdkNagValidationFailure")), ("reason", .string(reasonPlaceholder)),
                       ("applies_to", .list([.string(finding.ruleId)]))]
        } else {
            members = [("id", .string(finding.ruleId)), ("reason", .string(reasonPlaceholder))]
            if let granular = finding.findingId { members.append(("applies_to", .list([.string(granular)]))) }
        }
        return .map(members)
    }

    /// The insertion (an empty range and its text), or nil when the finding has no resource of this template
    /// to suppress it on, or the resource's metadata is written in a shape this does not edit (a scalar, an
    /// empty value).
    func edit(for finding: Finding, in template: Template) -> (range: TextRange, text: String)? {
        guard finding.check != nil, finding.suppression == nil,
              let resource = template.root["Resources"]?.mapValue?.entry(finding.resource.logicalId) else { return nil }
        let entry = Self.entry(for: finding)
        var container = resource.value, parentKey = resource.keyPosition
        let path = ["Metadata", "cdk_nag", "rules_to_suppress"]
        for (depth, key) in path.enumerated() {
            guard let map = container.mapValue else { return nil }
            guard let existing = map.entry(key) else {
                return insert(key: key, value: Self.nest(path[(depth + 1)...], entry: entry), into: container, parentKey: parentKey)
            }
            container = existing.value
            parentKey = existing.keyPosition
        }
        guard container.listValue != nil else { return nil }
        return insert(key: nil, value: entry, into: container, parentKey: parentKey)
    }

    /// The value a missing key gets: the rest of the path down to a list holding the entry.
    static func nest(_ rest: ArraySlice<String>, entry: Snippet) -> Snippet {
        guard let key = rest.first else { return .list([entry]) }
        return .map([(key, nest(rest.dropFirst(), entry: entry))])
    }

    /// Adds a member (`key` nil: a list item) to a container.
    private func insert(key: String?, value: Snippet, into container: Value, parentKey: Position) -> (range: TextRange, text: String)? {
        let bytes = lines.bytes
        let start = lines.offset(line: container.position.line, column: container.position.column)
        guard start < bytes.count else { return nil }
        if bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "[") {
            return insertFlow(key: key, value: value, bracket: start)
        }
        if let map = container.mapValue, let first = map.entries.first {
            guard key != nil else { return nil }
            return insertBlock(key: key, value: value, at: first.keyPosition, parentKey: parentKey, dash: false)
        }
        if let list = container.listValue, let first = list.first {
            guard key == nil else { return nil }
            return insertBlock(key: nil, value: value, at: first.position, parentKey: parentKey, dash: true)
        }
        return nil
    }

    /// A block collection: a new first member, on its own lines before the current first one.
    private func insertBlock(key: String?, value: Snippet, at first: Position, parentKey: Position, dash: Bool) -> (range: TextRange, text: String)? {
        let line = first.line - 1
        let lineStart = lines.starts.indices.contains(line) ? lines.starts[line] : lines.bytes.count
        let firstOffset = lines.offset(line: first.line, column: first.column)
        let prefix = Array(lines.bytes[lineStart..<firstOffset])
        // Before the first member: indentation only, or for a list indentation, a dash and spaces.
        let indentation = prefix.prefix { $0 == 32 || $0 == 9 }
        let rest = prefix.dropFirst(indentation.count)
        if dash {
            guard rest.first == UInt8(ascii: "-"), rest.dropFirst().allSatisfy({ $0 == 32 }), rest.count >= 2 else { return nil }
        } else {
            guard rest.isEmpty else { return nil }
        }
        let unit = Self.unit(indentation.count - (parentKey.column - 1), fallback: 2)
        let lead = String(decoding: prefix, as: UTF8.self)
        let body = String(repeating: " ", count: prefix.count)
        let text: String
        if let key {
            text = YAMLRenderer(unit: unit).member(key, value, indent: body).joined()
        } else {
            text = YAMLRenderer(unit: unit).item(value, lead: lead, indent: body).joined()
        }
        let position = lines.position(ofOffset: lineStart)
        return (TextRange(start: position, end: position), text)
    }

    /// A flow collection (JSON, or YAML's `{…}` and `[…]`): a member right after the opening bracket.
    private func insertFlow(key: String?, value: Snippet, bracket: Int) -> (range: TextRange, text: String)? {
        let bytes = lines.bytes
        var next = bracket + 1
        while next < bytes.count, [32, 9, 10, 13].contains(bytes[next]) { next += 1 }
        guard next < bytes.count else { return nil }
        let isEmpty = bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]")
        let bracketLine = lines.position(ofOffset: bracket).line
        let nextLine = lines.position(ofOffset: next).line
        let outer = lines.text(ofLine: bracketLine).prefix { $0 == 32 || $0 == 9 }.count
        let member = { (renderer: JSONRenderer, indent: String) -> String in
            let rendered = renderer.value(value, indent: indent)
            return key.map { JSONRenderer.string($0) + ": " + rendered } ?? rendered
        }
        let text: String
        if nextLine > bracketLine {
            let inner = isEmpty ? outer + 2 : lines.text(ofLine: nextLine).prefix { $0 == 32 || $0 == 9 }.count
            let indent = String(repeating: " ", count: inner)
            let renderer = JSONRenderer(unit: Self.unit(inner - outer, fallback: 2))
            text = "\n" + indent + member(renderer, indent) + (isEmpty ? "" : ",")
        } else {
            text = member(JSONRenderer(unit: nil), "") + (isEmpty ? "" : ", ")
        }
        let position = lines.position(ofOffset: bracket + 1)
        return (TextRange(start: position, end: position), text)
    }

    /// One level of indentation: the one the template uses, or the fallback where it shows none.
    static func unit(_ measured: Int, fallback: Int) -> String {
        String(repeating: " ", count: measured > 0 ? measured : fallback)
    }
}
