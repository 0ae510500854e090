// The ordo-one/benchmark suite: `scripts/bench` generates the inputs and runs it
// (`NAG_BENCHMARKS=1 swift package --scratch-path .build-bench benchmark`).
//
// Inputs: the synthetic templates of scripts/generate-template.py in $NAG_BENCH_DIR (default /tmp/nag-bench-suite:
// synthetic-{100,1000,5000,20000}.json and synthetic-5000.yaml) and the corpus in ../shared/corpus/templates.
// A benchmark whose input is missing is not registered, and says so.
//
// Each benchmark reads its files into memory in setup, so only the library's work is measured: loading (bytes to
// a located template), and loading plus evaluating the default packs (AwsSolutions and Edge), on one core.
// scripts/compare-peers measures the `nag` binary end to end (all cores, start-up) beside cfn-lint and checkov.
import Benchmark
import Foundation
import NagRules

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 50
    )

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let inputs = ProcessInfo.processInfo.environment["NAG_BENCH_DIR"] ?? "/tmp/nag-bench-suite"
    let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/templates").path
    let loader = TemplateLoader(limits: LoadLimits(maxFileSize: 1 << 30))
    let ruleSet = (try? RuleSelection().ruleSet(from: BuiltInPacks.all)) ?? RuleSet(rules: [])
    let evaluator = Evaluator(ruleSet: ruleSet)
    let suppressor = Suppressor(ruleSet: ruleSet, knownRuleIds: Set(BuiltInPacks.all.flatMap(\.rules).map(\.id.description)))

    /// The bytes of `path`, or nil (with a note) when the input has not been generated.
    func read(_ path: String) -> [UInt8]? {
        guard let bytes = try? loader.readFile(path) else {
            print("skipped: \(path) is missing (scripts/bench generates it)")
            return nil
        }
        return bytes
    }

    func megabytes(_ count: Int) -> String { String(format: "%.1f MB", Double(count) / 1e6) }

    // Loading, one file: throughput × size = MB/s.
    for (format, file) in [("JSON", "synthetic-5000.json"), ("YAML", "synthetic-5000.yaml")] {
        guard let bytes = read(inputs + "/" + file) else { continue }
        Benchmark("load \(format), \(megabytes(bytes.count))") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? loader.load(bytes: bytes, file: file))
            }
        }
    }

    // Load and evaluate one template of N resources: growth with size.
    for size in [100, 1_000, 5_000, 20_000] {
        let file = "synthetic-\(size).json"
        guard let bytes = read(inputs + "/" + file) else { continue }
        Benchmark("lint \(size) resources, \(megabytes(bytes.count))") { benchmark in
            for _ in benchmark.scaledIterations {
                if let template = try? loader.load(bytes: bytes, file: file) {
                    blackHole(suppressor.apply(to: evaluator.evaluate(template)).findings.count)
                }
            }
        }
    }

    // Load and evaluate every corpus template, one after the other: throughput × count = templates/s.
    let files = (FileManager.default.enumerator(atPath: corpus)?.allObjects as? [String] ?? [])
        .filter { [".json", ".yaml", ".yml", ".template"].contains(where: $0.hasSuffix) }
        .sorted()
    let templates = files.compactMap { file in (try? loader.readFile(corpus + "/" + file)).map { (file, $0) } }
    if templates.isEmpty {
        print("skipped: no corpus at \(corpus)")
    } else {
        let size = templates.reduce(0) { $0 + $1.1.count }
        Benchmark("lint corpus, \(templates.count) templates, \(megabytes(size))", configuration: .init(maxIterations: 10)) { benchmark in
            for _ in benchmark.scaledIterations {
                for (file, bytes) in templates {
                    if let template = try? loader.load(bytes: bytes, file: file) {
                        blackHole(suppressor.apply(to: evaluator.evaluate(template)).findings.count)
                    }
                }
            }
        }
    }
}
