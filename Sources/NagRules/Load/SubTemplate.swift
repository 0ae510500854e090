/// The string argument of `Fn::Sub`, split into literal text and `${…}` references.
///
/// `${Name}` refers to a parameter, resource, pseudo parameter or variable; `${Name.Attr}` is a
/// `GetAtt` (split at the first dot, so `${Db.Endpoint.Address}` is attribute `Endpoint.Address` of `Db`);
/// `${!Literal}` is the literal text `${Literal}`.
package struct SubTemplate: Sendable, Equatable {
    package enum Part: Sendable, Equatable {
        case literal(String)
        case reference(name: String, attribute: String?)
    }

    package var parts: [Part]

    package init(parts: [Part]) { self.parts = parts }

    package init(parsing text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open.lowerBound...]
                rest = ""
                break
            }
            let body = afterOpen[..<close]
            if body.hasPrefix("!") {
                literal += "${" + body.dropFirst() + "}"
            } else {
                let trimmed = body.trimmingSpaces
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                if let dot = trimmed.firstIndex(of: ".") {
                    parts.append(.reference(name: String(trimmed[..<dot]),
                                            attribute: String(trimmed[trimmed.index(after: dot)...])))
                } else {
                    parts.append(.reference(name: String(trimmed), attribute: nil))
                }
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The names referenced, in order (`Name` for both `${Name}` and `${Name.Attr}`).
    package var referencedNames: [String] {
        parts.compactMap { if case .reference(let name, _) = $0 { name } else { nil } }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return s
    }
}
