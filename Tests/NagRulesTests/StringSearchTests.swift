import Foundation
@testable import NagRules
import Testing

/// The byte searches agree with the searches by characters they stand in for.
struct StringSearchTests {
    static let pairs: [(String, String)] = [
        ("arn:aws:iam::aws:policy/AdministratorAccess", ":iam::aws:"),
        ("arn:aws:iam::123456789012:policy/Mine", ":iam::aws:"),
        ("0.0.0.0/0", "/0"),
        ("10.0.0.0/16", "/0"),
        ("/0", "/0"),
        ("/", "/0"),
        ("", "/0"),
        ("abc", ""),
        ("", ""),
        ("aaab", "aab"),
        ("abcabd", "abd"),
        ("café/0", "/0"),
        ("cafe\u{301}", "e"),
        ("cafe\u{301}", "cafe"),
        ("🇫🇷🇩🇪", "🇩🇪"),
        ("x\u{301}/0", "x"),
        ("Straße", "SS"),
    ]

    @Test(arguments: pairs)
    func containsAgreesWithFoundation(text: String, needle: String) {
        #expect(text.contains(needle) == (text.range(of: needle) != nil), "\(text) / \(needle)")
    }

    @Test func containsFindsASCIIAtEveryOffset() {
        let text = String(repeating: "ab", count: 20)
        for start in 0..<text.utf8.count {
            for length in 1...3 where start + length <= text.utf8.count {
                let needle = String(text.utf8.dropFirst(start).prefix(length))!
                #expect(text.contains(needle))
                #expect(!text.contains(needle + "z"))
            }
        }
    }

    @Test func firstByteOffsetIsTheFirstMatch() {
        #expect("aaab".utf8.firstByteOffset(of: "aab") == 1)
        #expect("xyzxyz".utf8.firstByteOffset(of: "xyz") == 0)
        #expect("xyzxyz".utf8.firstByteOffset(of: "zx") == 2)
        #expect("abc".utf8.firstByteOffset(of: "bc") == 1)
        #expect("abc".utf8.firstByteOffset(of: "abcd") == nil)
        #expect("abc".utf8.firstByteOffset(of: "d") == nil)
        #expect("é-marker".utf8.firstByteOffset(of: "-marker") == 2)
        #expect("abc".utf8.containsBytes(of: "c"))
        #expect(!"abc".utf8.containsBytes(of: "ca"))
    }

    @Test func renderingsFollowedByNothingAreThemselves() {
        let own = FindingIdRenderings([.init("<Param>", original: "<Bucket.Arn>")])
        let imports = FindingIdRenderings([.init("Prod:Export", original: "<Shared.Arn>")])
        #expect(own.followed(by: FindingIdRenderings()) == own)
        #expect(FindingIdRenderings().followed(by: imports) == imports)
        #expect(own.followed(by: imports).replacements == own.replacements + imports.replacements)
        #expect(FindingIdRenderings([.init("same", original: "same"), .init("", original: "x")]).isEmpty)
    }
}
