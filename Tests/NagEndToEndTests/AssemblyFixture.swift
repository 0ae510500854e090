import Foundation

/// `Tests/Fixtures/cdk-out`, a cloud assembly synthesized by CDK (see its `synth/app.py`), and throwaway copies
/// of it that a test may break.
struct AssemblyFixture {
    static let path = TestPaths.path("Tests/Fixtures/cdk-out")

    /// The stack templates of the fixture, as nag names them when given `path`.
    static let service = path + "/Service.template.json"
    static let network = path + "/ServiceNetwork7F1FBC97.nested.template.json"
    static let rules = path + "/ServiceNetworkRules294A1688.nested.template.json"
    static let producer = path + "/assembly-Prod/ProdProducer15E88541.template.json"
    static let consumer = path + "/assembly-Prod/ProdConsumerB9729712.template.json"

    /// A copy of the fixture in a fresh temporary folder: `root` is the assembly; delete it with `remove()`.
    let root: String

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nag-assembly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.appendingPathComponent("cdk.out").path
        try FileManager.default.copyItem(atPath: Self.path, toPath: root)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    /// The path of `relative` inside the copy.
    func file(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: file(relative), atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: file(relative), encoding: .utf8)
    }

    /// Replaces the first occurrence of `text` in a file of the copy.
    func replace(_ text: String, with replacement: String, in relative: String) throws {
        let contents = try read(relative)
        guard let range = contents.range(of: text) else { throw FixtureError.notFound(text, relative) }
        try write(relative, contents.replacingCharacters(in: range, with: replacement))
    }

    enum FixtureError: Error { case notFound(String, String) }

    /// `line:column` of the first occurrence of `needle` in `file`, as nag reports positions (1-based columns
    /// counted in characters).
    static func position(of needle: String, in file: String) throws -> String {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) {
                return "\(index + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 1)"
            }
        }
        throw FixtureError.notFound(needle, file)
    }
}

/// The parts of nag's JSON report the assembly tests read.
struct JSONReport {
    let root: [String: Any]

    init(_ text: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// Every file result's path, in report order.
    var files: [String] { (root["files"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String } }

    var findings: [[String: Any]] { root["findings"] as? [[String: Any]] ?? [] }

    /// Each finding as `file:line:col level Rule[FindingId] LogicalId`, suppressed ones marked, in report order.
    var findingLines: [String] {
        findings.map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            let file = (location["file"] as? String).map { ($0 as NSString).lastPathComponent } ?? "?"
            let rule = (finding["rule"] as? String ?? "?") + ((finding["findingId"] as? String).map { "[\($0)]" } ?? "")
            let resource = (finding["resource"] as? [String: Any])?["logicalId"] as? String ?? "?"
            let level = finding["suppression"] is [String: Any] ? "suppressed" : finding["level"] as? String ?? "?"
            return "\(file):\(location["line"] ?? "?"):\(location["column"] ?? "?") \(level) \(rule) \(resource)"
        }
    }

    /// Every load error and input error message with its location, `file:line:col: message`.
    var diagnostics: [String] {
        let files = root["files"] as? [[String: Any]] ?? []
        let all = files.flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] } + (root["inputErrors"] as? [[String: Any]] ?? [])
        return all.map { diagnostic in
            let location = diagnostic["location"] as? [String: Any] ?? [:]
            let severity = diagnostic["severity"] as? String ?? "?"
            return "\(location["file"] ?? "?"):\(location["line"] ?? "?"):\(location["column"] ?? "?"): \(severity): \(diagnostic["message"] ?? "?")"
        }
    }
}
