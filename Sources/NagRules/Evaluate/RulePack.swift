/// A named list of rules. Packs only list rules; the rules carry their own ids, levels and texts.
public struct RulePack: Sendable {
    public let name: String
    public let summary: String
    public let rules: [any Rule]

    public init(name: String, summary: String, rules: [any Rule]) {
        self.name = name
        self.summary = summary
        self.rules = rules
    }
}
