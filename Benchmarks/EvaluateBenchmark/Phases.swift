// nag-bench-evaluate's per-phase breakdown of a folder: where a `nag DIR` run spends its time, phase by phase,
// on one core, so a change to one phase shows in its own number.
import Foundation
import NagRules

/// A report destination that keeps nothing: text is turned into UTF-8 in a 64 KiB buffer, as `nag` does before
/// writing to its output, and the buffer is then dropped. `bytes` counts what was written.
struct DiscardingOutput: TextOutputStream {
    private var buffer: [UInt8] = []
    private(set) var bytes = 0

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { drain() }
    }

    mutating func drain() {
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What the phases share: the run's loader, rules, evaluator and suppressor.
struct PhaseSetup: Sendable {
    var loader: TemplateLoader
    var ruleSet: RuleSet
    var evaluator: Evaluator
    var suppressor: Suppressor
}

/// Times each phase over `paths` on one core, `runs` times, and prints the median of each; every phase takes the
/// previous phase's output, made once beforehand, so each number is that phase alone.
func printPhases(of paths: [String], runs: Int, setup: PhaseSetup) {
    let clock = ContinuousClock()
    func median(_ work: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) { times.append(seconds(clock.measure(work))) }
        return times.sorted()[times.count / 2]
    }
    var read: [(path: String, bytes: [UInt8])] = []
    let readTime = median {
        read = paths.compactMap { path in (try? setup.loader.readFile(path)).map { (path, $0) } }
    }
    let megabytes = Double(read.reduce(0) { $0 + $1.bytes.count }) / 1e6
    var templates: [Template] = []
    let loadTime = median { templates = read.compactMap { try? setup.loader.load(bytes: $0.bytes, file: $0.path) } }
    let graphTime = median { for template in templates { _ = RuleContext(template: template) } }
    var evaluations: [TemplateEvaluation] = []
    let evaluateTime = median { evaluations = templates.map(setup.evaluator.evaluate) }
    var suppressed: [TemplateEvaluation] = []
    let suppressTime = median { suppressed = evaluations.map { setup.suppressor.apply(to: $0) } }
    let rules = setup.ruleSet.rules.map { $0.description.with(level: setup.ruleSet.level(of: $0)) }
    var report = RunReport(files: suppressed.map { RunReport.FileResult(file: $0.template.file, evaluation: $0, diagnostics: $0.template.diagnostics) },
                           rules: rules)
    report.failOn = nil
    let findings = report.allFindings.count { _ in true }
    print("  phases, one core, median of \(max(1, runs)) (\(templates.count) templates, \(findings) findings):")
    print("    read \(ms(readTime)) (\(String(format: "%.0f", megabytes / readTime)) MB/s), load \(ms(loadTime)) "
          + "(\(String(format: "%.0f", megabytes / loadTime)) MB/s), graph and resolver \(ms(graphTime)), "
          + "evaluate (graph included) \(ms(evaluateTime)), suppress \(ms(suppressTime))")
    var reports: [String] = []
    for format in ReportFormat.allCases {
        let formatter = MachineFormats.formatter(for: format)
        var size = 0
        let time = median {
            var output = DiscardingOutput()
            formatter.write(report, to: &output)
            output.drain()
            size = output.bytes
        }
        reports.append("\(format.rawValue) \(ms(time)) (\(String(format: "%.1f", Double(size) / 1e6)) MB, "
                       + "\(String(format: "%.0f", Double(size) / 1e6 / time)) MB/s)")
    }
    print("    report: " + reports.joined(separator: ", "))
}
