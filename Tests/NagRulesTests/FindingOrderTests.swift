import Testing
@testable import NagRules

/// The evaluator sorts findings by their rules' id ranks (``RuleSet/idRanks``) instead of their ids: the order
/// must be exactly the one ``Finding/reportOrder(_:_:)`` gives.
@Suite struct FindingOrderTests {
    /// A rule set of every built-in pack plus rules whose ids repeat or are spelled differently but equal.
    private func ruleSet() throws -> RuleSet {
        let packs = try RuleSelection(packNames: [RuleSelection.allPacks]).ruleSet(from: BuiltInPacks.all)
        let check = try #require(packs.rules.first?.check)
        let extra = [("Zed", "1"), ("Zed", "1"), ("Caf\u{E9}", "A"), ("Cafe\u{301}", "A"), ("Caf", "B"), ("a", "a")]
            .map { Rule(id: RuleID(pack: $0.0, suffix: $0.1), level: .error, check: check) }
        return RuleSet(rules: packs.rules + extra)
    }

    @Test func ranksFollowTheIdsOrderAndAreEqualExactlyForEqualIds() throws {
        let set = try ruleSet()
        let ids = set.rules.map(\.id.description)
        #expect(set.idRanks.count == ids.count)
        for i in ids.indices {
            for j in ids.indices where i != j {
                #expect((ids[i] < ids[j]) == (set.idRanks[i] < set.idRanks[j]), "\(ids[i]) / \(ids[j])")
                #expect((ids[i] == ids[j]) == (set.idRanks[i] == set.idRanks[j]), "\(ids[i]) / \(ids[j])")
            }
        }
        #expect(Set(set.idRanks).count < ids.count, "the repeated and canonically equal ids share ranks")
    }

    /// Findings with every kind of tie (file, line, column, rule, finding id), shuffled: both sorts agree
    /// finding for finding, and sorting what is already sorted changes nothing.
    @Test(arguments: [1, 2, 3, 4, 5])
    func sortingByRanksGivesTheReportOrder(seed: UInt64) throws {
        let set = try ruleSet()
        var generator = SplitMix(seed: seed)
        var findings: [Finding] = []
        var ranks: [Int32] = []
        for _ in 0..<600 {
            let ruleIndex = Int(generator.next() % UInt64(set.rules.count))
            let findingIds: [String?] = [nil, "", "a", "b", "é"]
            findings.append(Finding(
                ruleId: set.rules[ruleIndex].id.description, level: .error, kind: .violation, message: "m",
                findingId: findingIds[Int(generator.next() % 5)],
                resource: ResourceSummary(logicalId: ["R1", "R2", "Q"][Int(generator.next() % 3)], type: "AWS::S3::Bucket"),
                location: FileLocation(file: ["a.yaml", "b.yaml"][Int(generator.next() % 2)],
                                       line: Int(generator.next() % 4) + 1, column: Int(generator.next() % 3) + 1)))
            ranks.append(set.idRanks[ruleIndex])
        }
        var byIds = findings
        byIds.sortInReportOrder()
        var byRanks = findings
        byRanks.sortInReportOrder(idRanks: ranks)
        #expect(byRanks.map(Self.identity) == byIds.map(Self.identity))
        #expect(byRanks == byIds)
        var again = byIds
        let sortedRanks = byRanks.map { finding in set.idRanks[set.rules.firstIndex { $0.id.description == finding.ruleId }!] }
        again.sortInReportOrder(idRanks: sortedRanks)
        #expect(again.map(Self.identity) == byIds.map(Self.identity))
    }

    private static func identity(_ finding: Finding) -> String {
        "\(finding.location) \(finding.ruleId) \(finding.findingId ?? "-") \(finding.resource.logicalId)"
    }
}

/// A small deterministic generator, so a failing case can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
