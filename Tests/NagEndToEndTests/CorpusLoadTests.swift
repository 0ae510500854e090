import Foundation
import NagRules
import Testing

/// The package root, found from this file: Tests/NagEndToEndTests/CorpusLoadTests.swift.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `../shared/corpus/templates` next to the package: 2,673 public templates. CI has it; a user's clone may not.
private let corpusRoot = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/templates").path

/// What cfn-lint's decoder made of each corpus file (`scripts/corpus-parse-baseline.py` writes it).
private let baselinePath = packageRoot.appendingPathComponent("Tests/Fixtures/corpus-parse-baseline.tsv").path

private let corpusPresent = FileManager.default.fileExists(atPath: corpusRoot)

/// Files cfn-lint parses that nag refuses on purpose, each with the reason nag is right. Keep this short.
private let expectedDifferences: [String: String] = [:]

/// Every template file under the corpus, relative to its root, sorted.
private func corpusFiles() -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: corpusRoot) else { return [] }
    let extensions: Set<String> = ["json", "yaml", "yml", "template"]
    var files: [String] = []
    while let path = walker.nextObject() as? String {
        if extensions.contains((path as NSString).pathExtension.lowercased()) { files.append(path) }
    }
    return files.sorted()
}

/// Loads the whole corpus once (on all cores) and shares the results between the tests.
private let corpusResults: (files: [String], results: [Result<Template, LoadDiagnostic>], seconds: Double) = {
    let files = corpusFiles()
    let start = ContinuousClock.now
    let results = TemplateLoader().loadAll(files.map { .file(corpusRoot + "/" + $0) })
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (files, results, seconds)
}()

@Suite(.serialized) struct CorpusLoadTests {
    @Test func corpusPresenceIsReported() {
        if !corpusPresent {
            // A user's clone has no ../shared/corpus: say so plainly instead of passing silently.
            print("notice: CorpusLoadTests skipped: no corpus at \(corpusRoot) (CI provides ../shared/corpus)")
        }
    }

    /// Every file either loads or fails with a diagnostic located in that file (line >= 1); nothing crashes,
    /// and the whole corpus loads in bounded time.
    @Test(.enabled(if: corpusPresent, "needs ../shared/corpus/templates (present in CI)"), .timeLimit(.minutes(2)))
    func everyFileLoadsOrFailsWithALocatedError() throws {
        let (files, results, seconds) = corpusResults
        #expect(files.count >= 2_600, "the corpus holds 2,673 templates; found \(files.count)")
        var loaded = 0
        var failed: [String] = []
        var shapeProblems = 0
        for (file, result) in zip(files, results) {
            switch result {
            case .success(let template):
                loaded += 1
                shapeProblems += template.diagnostics.count
                for diagnostic in template.diagnostics {
                    #expect(diagnostic.location.file == corpusRoot + "/" + file)
                    #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
                }
                // The graph builds on every template that loads.
                _ = ResourceGraph(template: template)
            case .failure(let diagnostic):
                failed.append("\(file): \(diagnostic.message)")
                #expect(diagnostic.location.file == corpusRoot + "/" + file)
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
                #expect(!diagnostic.message.isEmpty)
            }
        }
        print("notice: corpus: \(files.count) files, \(loaded) loaded (\(shapeProblems) shape diagnostics), "
              + "\(failed.count) failed with a located error, in \(String(format: "%.1f", seconds)) s")
        for line in failed { print("notice:   failed: \(line)") }
        #expect(seconds < 60, "loading the corpus took \(seconds) s")
    }

    /// Every template cfn-lint's decoder parses into a template must load in nag.
    @Test(.enabled(if: corpusPresent, "needs ../shared/corpus/templates (present in CI)"), .timeLimit(.minutes(2)))
    func everyTemplateCfnLintParsesLoads() throws {
        let baseline = try String(contentsOfFile: baselinePath, encoding: .utf8)
        var status: [String: String] = [:]
        for line in baseline.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            status[String(fields[0])] = String(fields[1])
        }
        let (files, results, _) = corpusResults
        #expect(Set(status.keys) == Set(files), "regenerate Tests/Fixtures/corpus-parse-baseline.tsv with scripts/corpus-parse-baseline.py")
        var cfnLintOK = 0
        var regressions: [String] = []
        var bothRefuse: [String] = []
        for (file, result) in zip(files, results) {
            switch (status[file], result) {
            case ("ok", .success):
                cfnLintOK += 1
            case ("ok", .failure(let diagnostic)):
                cfnLintOK += 1
                if expectedDifferences[file] == nil { regressions.append("\(file): \(diagnostic)") }
            case (_, .failure):
                bothRefuse.append(file)
            default:
                break
            }
        }
        print("notice: cfn-lint parses \(cfnLintOK) corpus templates; nag fails on \(regressions.count) of them "
              + "(\(expectedDifferences.count) expected differences); both refuse \(bothRefuse.count)")
        #expect(regressions.isEmpty, "cfn-lint parses these but nag does not:\n\(regressions.joined(separator: "\n"))")
        // Expected differences must still be real: a file listed there that now loads should leave the list.
        for (file, reason) in expectedDifferences {
            let index = try #require(files.firstIndex(of: file), "\(file) is not in the corpus")
            if case .success = results[index] { Issue.record("\(file) now loads; remove it from expectedDifferences (\(reason))") }
        }
    }
}
