extension JSONFormatter {
    /// The indentation of a finding's members in the JSON report: findings are the items of the envelope's
    /// `findings` array.
    static let findingMemberIndent = 3

    /// Members that many findings write alike, rendered once per run at the findings' indentation and copied
    /// into each finding that has them: the members every finding of a rule shares, and the runs of members
    /// most findings write the same way (no detail, no scenario, no suppression, failing the run).
    struct SharedMembers: Sendable {
        /// `"detail": null`, `"scenario": null`.
        let noDetail: RenderedMembers
        /// `"suppression": null`, `"expiredSuppression": null`, `"baselined": false`.
        let unsuppressed: RenderedMembers
        /// `"standing": "failing"`, `"notFailingBecause": null`.
        let failing: RenderedMembers
        /// Each rule's members, in open addressing by a hash of the rule id's bytes (`Dictionary`'s hashing of
        /// a 30-byte id cost about 500 instructions a finding).
        private let rules: [RuleMembers]
        private let slots: [Int32]

        init(rules descriptions: [RuleDescription], indent: Int) {
            noDetail = JSONWriter.render(membersAt: indent) { writer in
                writer.member("detail", optional: nil)
                writer.member("scenario", node: nil)
            }
            unsuppressed = JSONWriter.render(membersAt: indent) { writer in
                writer.member("suppression", node: nil)
                writer.member("expiredSuppression", node: nil)
                writer.member("baselined", bool: false)
            }
            failing = JSONWriter.render(membersAt: indent) { writer in
                writer.member("standing", string: FindingStanding.failing.rawValue)
                writer.member("notFailingBecause", optional: nil)
            }
            var rules: [RuleMembers] = []
            var slots = [Int32](repeating: -1, count: Self.slotCount(for: descriptions.count))
            for description in descriptions {
                var slot = Self.hash(description.id) & (slots.count - 1)
                while slots[slot] >= 0 && rules[Int(slots[slot])].rule.id != description.id {
                    slot = (slot + 1) & (slots.count - 1)
                }
                guard slots[slot] < 0 else { continue }
                slots[slot] = Int32(rules.count)
                rules.append(RuleMembers(description, indent: indent))
            }
            self.rules = rules
            self.slots = slots
        }

        /// The members of the rule with id `id`, if the report has it.
        func rule(_ id: String) -> RuleMembers? {
            var slot = Self.hash(id) & (slots.count - 1)
            while slots[slot] >= 0 {
                let members = rules[Int(slots[slot])]
                if members.rule.id == id { return members }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }

        /// A power of two at least twice `count`, so that probes stay short.
        private static func slotCount(for count: Int) -> Int {
            var slots = 8
            while slots < 2 * count { slots *= 2 }
            return slots
        }

        /// A hash of `text`'s bytes, eight at a time: the JSON loader's string-table hash.
        static func hash(_ text: String) -> Int {
            var text = text
            return text.withUTF8 { Int(truncatingIfNeeded: JSONStringTable.hash($0, from: 0, to: $0.count)) }
        }
    }

    /// The members every finding of a rule shares (`rule`, `check` and `controls`, and `message`): a rule's
    /// controls alone took a tenth of the JSON report's instructions with every pack selected. A class, so that
    /// finding it is one reference, not a copy of the rule's description.
    final class RuleMembers: Sendable {
        let rule: RuleDescription
        let head: RenderedMembers
        let message: RenderedMembers

        init(_ rule: RuleDescription, indent: Int) {
            self.rule = rule
            head = JSONWriter.render(membersAt: indent) { writer in
                writer.member("rule", string: rule.id)
                writer.member("check", optional: rule.check)
                writer.member("controls", strings: rule.controls)
            }
            message = JSONWriter.render(membersAt: indent) { $0.member("message", string: rule.cause) }
        }

        /// Writes `rule`, `check` and `controls` when `finding` has its rule's; false, writing nothing, otherwise.
        func writeHead(of finding: Finding, to writer: inout JSONWriter) -> Bool {
            finding.ruleId == rule.id && finding.check == rule.check && finding.controls == rule.controls && writer.append(head)
        }

        /// Writes `message` when `finding` has its rule's; false, writing nothing, otherwise.
        func writeMessage(of finding: Finding, to writer: inout JSONWriter) -> Bool {
            finding.message == rule.cause && writer.append(message)
        }
    }
}

extension JSONWriter {
    /// Writes `members` when there are some and `condition` holds and they fit here (``append(_:)``); false,
    /// writing nothing, otherwise.
    mutating func append(_ members: RenderedMembers?, when condition: Bool) -> Bool {
        guard condition, let members else { return false }
        return append(members)
    }
}
