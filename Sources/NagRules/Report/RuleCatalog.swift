/// Text about rules for `nag rules`, `nag explain` and the README's rule table, all from the rules' descriptions.
package enum RuleCatalog {
    /// One line per rule: id, level, cause.
    package static func list(_ rules: [RuleDescription]) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        var text = ""
        for rule in rules {
            text += rule.id.padding(to: width) + "  " + rule.level.rawValue.padding(to: 7) + "  " + rule.cause + "\n"
        }
        let errors = rules.filter { $0.level == .error }.count
        text += "\n\(rules.count) rules: \(errors) errors, \(rules.count - errors) warnings\n"
        return text
    }

    /// A Markdown table of packs: rules, errors, warnings, whether a run uses it by default, and what it is for.
    package static func packTable(_ packs: [RulePack], defaults: [String]) -> String {
        var text = "| Pack | Rules | Errors | Warnings | Default | What it checks |\n| --- | --- | --- | --- | --- | --- |\n"
        for pack in packs {
            let errors = pack.rules.filter { $0.level == .error }.count
            let isDefault = defaults.contains(pack.name) || pack.rules.allSatisfy { $0.audit != nil }
            text += "| \(pack.name) | \(pack.rules.count) | \(errors) | \(pack.rules.count - errors) | \(isDefault ? "yes" : "no") | \(pack.summary.replacingAll("|", with: "\\|")) |\n"
        }
        return text
    }

    /// One section per pack: its summary, then a table of its rules with the check each publishes and, for
    /// compliance packs, the controls (the document `docs/rules.md` is).
    package static func markdownDocument(_ packs: [RulePack]) -> String {
        var sections: [String] = []
        for pack in packs {
            var text = ""
            let rules = pack.rules.map(\.description)
            let withControls = rules.contains { !$0.controls.isEmpty }
            text += "## \(pack.name)\n\n\(pack.summary)\n\n"
            text += "| Rule | Level | Check | Resource types | Cause |" + (withControls ? " Controls |" : "") + "\n"
            text += "| --- | --- | --- | --- | --- |" + (withControls ? " --- |" : "") + "\n"
            for rule in rules {
                let types = rule.resourceTypes.sorted().map { "`\($0)`" }.joined(separator: ", ")
                text += "| \(rule.id) | \(rule.level.rawValue) | \(rule.check ?? "(suppression audit)") | \(types.isEmpty ? "any" : types) | \(rule.cause.replacingAll("|", with: "\\|")) |"
                text += withControls ? " \(rule.controls.joined(separator: ", ")) |\n" : "\n"
            }
            sections.append(text)
        }
        return sections.joined(separator: "\n")
    }

    /// The rules as JSON, for tools and tests (`nag rules --format json`): one object per rule with its id,
    /// pack, level, check, resource types, cause and compliance controls, in pack order.
    package static func json(_ rules: [RuleDescription]) -> String {
        let items: [JSONNode] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("pack", .string(rule.pack)),
                ("level", .string(rule.level.rawValue)),
                ("check", .optional(rule.check)),
                ("resourceTypes", .array(rule.resourceTypes.sorted().map(JSONNode.string))),
                ("cause", .string(rule.cause)),
                ("controls", .array(rule.controls.map(JSONNode.string))),
            ])
        }
        return JSONNode.object([("version", 1), ("rules", .array(items))]).rendered() + "\n"
    }

    /// Everything about one rule, for `nag explain`.
    /// `alsoPublishedAs`: the ids under which other packs publish the same check.
    package static func explanation(_ rule: RuleDescription, alsoPublishedAs twins: [String] = []) -> String {
        let types = rule.resourceTypes.isEmpty ? "any resource" : rule.resourceTypes.sorted().joined(separator: ", ")
        let check = rule.check.map { "Check: \($0)\n" } ?? ""
        let controls = rule.controls.isEmpty ? "" : "Controls: \(rule.controls.joined(separator: ", "))\n"
        let published = twins.isEmpty ? "" : "Also published as: \(twins.joined(separator: ", "))\n"
        return """
        \(rule.id) (\(rule.level.rawValue))
        \(rule.cause)

        \(check)\(published)\(controls)Resource types: \(types)

        Why:
        \(rule.explanation)

        Fix:
        \(rule.fix)

        Suppress (only with a real reason), in the resource's Metadata:
          cdk_nag:
            rules_to_suppress:
              - id: \(rule.id)
                reason: Why this finding is acceptable for this resource.

        """
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
