/// Lookups shared by the Lex rules.
enum LexBots {
    static let aliasType = "AWS::Lex::BotAlias"
    static let botType = "AWS::Lex::Bot"

    /// The log settings of a list property, each resolved to a map.
    static func items(_ value: Value?, in context: RuleContext) -> [ValueMap] {
        (context.resolve(value).list ?? []).compactMap { context.resolve($0).map }
    }

    /// Whether a log setting is enabled (`Enabled` true, or the string "true").
    static func isEnabled(_ log: ValueMap, in context: RuleContext) -> Bool {
        context.resolve(log["Enabled"]).bool == true
    }
}
