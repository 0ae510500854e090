/// Lookups shared by the Lex rules.
enum LexBots {
    static let aliasType = "AWS::Lex::BotAlias"
    static let botType = "AWS::Lex::Bot"

    /// Whether a log setting is enabled (`Enabled` true, or the string "true").
    static func isEnabled(_ log: ValueMap, in context: RuleContext) -> Bool {
        context.resolve(log["Enabled"]).bool == true
    }
}
