import ArgumentParser
import NagRules

/// `nag rules`: lists the rules with their level and cause.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules of the packs, with level and cause.")

    @Option(name: .customLong("pack"), help: ArgumentHelp("Only this pack (repeatable; default: every pack).", valueName: "name"))
    var packs: [String] = []

    /// How `nag rules` prints the list.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, packs
    }

    @Option(help: ArgumentHelp("text (id, level, cause), markdown (a section and table per pack: docs/rules.md), json (for tools) or packs (a table of the packs).", valueName: "format"))
    var format: Format = .text

    @Flag(help: "Print Markdown (the same as --format markdown).")
    var markdown = false

    @OptionGroup var custom: CustomRuleOptions

    func run() throws {
        let available = BuiltInPacks.all + (try custom.packs())
        var chosen: [RulePack] = []
        for name in packs {
            if name.lowercased() == RuleSelection.allPacks { chosen += BuiltInPacks.all; continue }
            guard let pack = available.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw ValidationError("unknown pack \(name) (available: \(available.map(\.name).joined(separator: ", ")))")
            }
            chosen.append(pack)
        }
        let selected = chosen.isEmpty ? available : chosen
        let rules = selected.flatMap(\.rules).map(\.description)
        switch markdown ? .markdown : format {
        case .text: print(RuleCatalog.list(rules), terminator: "")
        case .markdown: print(RuleCatalog.markdownDocument(selected), terminator: "")
        case .packs: print(RuleCatalog.packTable(selected, defaults: BuiltInPacks.defaultNames), terminator: "")
        case .json: print(RuleCatalog.json(rules), terminator: "")
        }
    }
}

/// `nag explain RULE-ID`: the cause, explanation and fix of one rule, and how to suppress it.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Explain a rule: what it checks, why, and how to fix or suppress it.")

    @Argument(help: "The rule id, e.g. AwsSolutions-S1.")
    var ruleId: String

    @OptionGroup var custom: CustomRuleOptions

    func run() throws {
        let rules = (BuiltInPacks.all + (try custom.packs())).flatMap(\.rules).map(\.description)
        guard let rule = rules.first(where: { $0.id.lowercased() == ruleId.lowercased() }) else {
            let close = rules.filter { $0.id.lowercased().hasPrefix(ruleId.lowercased()) }.map(\.id)
            throw ValidationError("no rule \(ruleId)" + (close.isEmpty ? "" : "; did you mean \(close.prefix(5).joined(separator: ", "))?"))
        }
        let twins = rules.filter { $0.check != nil && $0.check == rule.check && $0.id != rule.id }.map(\.id)
        print(RuleCatalog.explanation(rule, alsoPublishedAs: twins), terminator: "")
    }
}
