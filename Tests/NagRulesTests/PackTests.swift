import Foundation
import Testing
@testable import NagRules

/// The packs are tables: these tests pin each table to its published list, and every check to a pack.
@Suite struct PackTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `id<TAB>level` lines of a fixture list, sorted.
    static func published(_ pack: String) throws -> [String] {
        let url = repository.appendingPathComponent("Tests/Fixtures/packs/\(pack).tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).sorted()
    }

    static func lines(of pack: RulePack) -> [String] {
        pack.rules.map { "\($0.id)\t\($0.level.rawValue)" }.sorted()
    }

    @Test(arguments: BuiltInPacks.all.map(\.name))
    func packPublishesExactlyItsList(pack name: String) throws {
        let pack = try #require(BuiltInPacks.pack(named: name))
        let expected = try Self.published(name)
        let actual = Self.lines(of: pack)
        #expect(actual == expected, """
            \(name): missing \(Set(expected).subtracting(actual).sorted()), unexpected \(Set(actual).subtracting(expected).sorted())
            """)
    }

    @Test func awsSolutionsIsCdkNagsList() throws {
        let lines = Self.lines(of: .awsSolutions)
        #expect(lines.count == 131)
        #expect(lines.filter { $0.hasSuffix("\twarning") }.count == 17)
    }

    @Test func ruleIdsAreUniqueAndCarryTheirPacksName() {
        let rules = BuiltInPacks.all.flatMap(\.rules)
        #expect(Set(rules.map(\.id)).count == rules.count)
        for pack in BuiltInPacks.all {
            #expect(pack.rules.allSatisfy { $0.id.pack == pack.name })
        }
    }

    /// Every `struct Name: Check` under `Sources/NagRules/Checks`, by file: one check per file, named as the file.
    static func declaredChecks() throws -> [(file: String, names: [String])] {
        let root = repository.appendingPathComponent("Sources/NagRules/Checks")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let declaration = #/(?m)^(?:public |package )?(?:struct|final class) (\w+): Check \{/#
        var found: [(String, [String])] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let names = text.matches(of: declaration).map { String($0.1) }
            if !names.isEmpty { found.append((url.deletingPathExtension().lastPathComponent, names)) }
        }
        return found
    }

    @Test func everyCheckIsPublishedByAPackAndLivesInItsOwnFile() throws {
        let declared = try Self.declaredChecks()
        #expect(declared.count >= 135)
        let published = Set(BuiltInPacks.all.flatMap(\.rules).compactMap(\.check?.name))
        for (file, names) in declared {
            #expect(names == [file], "\(file).swift declares \(names): one check per file, named as the file")
            for name in names where !published.contains(name) {
                Issue.record("check \(name) is published by no pack")
            }
        }
    }
}
