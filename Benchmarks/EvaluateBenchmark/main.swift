// nag-bench-evaluate: how fast NagRules evaluates the default packs, phase by phase, and at what peak memory.
//
// Built only when NAG_BENCHMARKS is set (see Package.swift): `NAG_BENCHMARKS=1 swift build -c release
// --product nag-bench-evaluate --scratch-path .build-bench`. scripts/compare-peers measures the `nag` binary as
// a user runs it; this measures the library without process start-up or disk, so a change to one phase shows.
//
// usage: nag-bench-evaluate [--runs N] [--pack NAME]... [--republish K] PATH...
//   --pack NAME: the packs to run (repeatable; `all` for every built-in pack); the default packs without it.
//   --republish K: also publish every check of the default packs under K more packs (`Copy1-…`), as the
//   compliance packs republish AwsSolutions' checks: the checks still run once per resource, so the time
//   should barely move while the findings grow (K + 1)-fold.
//   A directory: every template under it is read into memory once, then loaded and evaluated on all cores
//   (as `nag DIR` does) and on one core, N times; prints the median templates/s and MB/s. Then each phase on
//   one core, the median of N: read (the files from disk), load (parse and shape), graph (graph and resolver),
//   evaluate (graph included), suppress, and the report in each format written to a discarding stream.
//   A file: loaded, graphed and evaluated N times; prints the median time of each phase.
//   Last, the peak RSS of the whole process (VmHWM).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NagRules

func procStatus(_ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.dropFirst(field.count + 1).filter(\.isNumber))
    }
    return nil
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 10
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count {
    runs = Int(arguments[index + 1]) ?? runs
    arguments.removeSubrange(index...(index + 1))
}
var packNames: [String] = []
while let index = arguments.firstIndex(of: "--pack"), index + 1 < arguments.count {
    packNames.append(arguments[index + 1])
    arguments.removeSubrange(index...(index + 1))
}
var republish = 0
if let index = arguments.firstIndex(of: "--republish"), index + 1 < arguments.count {
    republish = Int(arguments[index + 1]) ?? 0
    arguments.removeSubrange(index...(index + 1))
}
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: nag-bench-evaluate [--runs N] [--pack NAME]... [--republish K] PATH...\n".utf8))
    exit(64)
}

let loader = TemplateLoader(limits: LoadLimits(maxFileSize: 1 << 30))
let copies = (0..<republish).map { copy in
    RulePack(name: "Copy\(copy + 1)", summary: "", rules: BuiltInPacks.defaultNames.compactMap(BuiltInPacks.pack(named:))
        .flatMap(\.rules).map { Rule(id: RuleID(pack: "Copy\(copy + 1)", suffix: $0.id.suffix), level: $0.level, source: $0.source) })
}
let ruleSet = try RuleSelection(packNames: (packNames.isEmpty ? BuiltInPacks.defaultNames : packNames) + copies.map(\.name))
    .ruleSet(from: BuiltInPacks.all + copies)
let evaluator = Evaluator(ruleSet: ruleSet)
let suppressor = Suppressor(ruleSet: ruleSet, knownRuleIds: Set((BuiltInPacks.all + copies).flatMap(\.rules).map(\.id.description)))
let clock = ContinuousClock()

struct Input: Sendable {
    var path: String
    var bytes: [UInt8]
}

/// Loads and evaluates one template; the number of findings (so nothing is optimised away), or nil.
@Sendable func lint(_ input: Input) -> Int? {
    guard let template = try? loader.load(bytes: input.bytes, file: input.path) else { return nil }
    return suppressor.apply(to: evaluator.evaluate(template)).findings.count
}

for path in arguments {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        print("\(path): not found")
        continue
    }
    if isDirectory.boolValue {
        var inputs: [Input] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            guard [".json", ".yaml", ".yml", ".template"].contains(where: relative.hasSuffix) else { continue }
            let file = path + "/" + relative
            if let bytes = try? loader.readFile(file) { inputs.append(Input(path: file, bytes: bytes)) }
        }
        inputs.sort { $0.path < $1.path }
        let megabytes = Double(inputs.reduce(0) { $0 + $1.bytes.count }) / 1e6
        var loaded = 0
        var findings = 0
        var parallel: [Double] = []
        var serial: [Double] = []
        for _ in 0..<runs {
            var results: [Int?] = []
            parallel.append(seconds(clock.measure { results = concurrentMap(inputs, lint) }))
            loaded = results.count { $0 != nil }
            findings = results.reduce(0) { $0 + ($1 ?? 0) }
        }
        for _ in 0..<max(1, runs / 3) {
            serial.append(seconds(clock.measure { for input in inputs { _ = lint(input) } }))
        }
        let all = median(parallel), one = median(serial)
        print("\(path): \(inputs.count) templates (\(loaded) loaded), \(String(format: "%.1f", megabytes)) MB, \(findings) findings, \(ruleSet.rules.count) rules of \(ruleSet.checkCount) checks")
        print("  all cores: median \(ms(all)) = \(Int(Double(inputs.count) / all)) templates/s, \(String(format: "%.1f", megabytes / all)) MB/s (\(runs) runs)")
        print("  one core:  median \(ms(one)) = \(Int(Double(inputs.count) / one)) templates/s, \(String(format: "%.1f", megabytes / one)) MB/s (\(serial.count) runs)")
        printPhases(of: inputs.map(\.path), runs: runs,
                    setup: PhaseSetup(loader: loader, ruleSet: ruleSet, evaluator: evaluator, suppressor: suppressor))
    } else {
        guard let bytes = try? loader.readFile(path), let template = try? loader.load(bytes: bytes, file: path) else {
            print("\(path): does not load")
            continue
        }
        var load: [Double] = [], graph: [Double] = [], evaluate: [Double] = []
        var findings = 0
        for _ in 0..<runs {
            load.append(seconds(clock.measure { _ = try? loader.load(bytes: bytes, file: path) }))
            graph.append(seconds(clock.measure { _ = RuleContext(template: template) }))
            evaluate.append(seconds(clock.measure { findings = suppressor.apply(to: evaluator.evaluate(template)).findings.count }))
        }
        let total = median(load) + median(evaluate)
        print("\(path): \(template.resources.count) resources, \(bytes.count / 1000) KB, \(findings) findings; median of \(runs): "
              + "load \(ms(median(load))), graph and resolver \(ms(median(graph))), evaluate (graph included) \(ms(median(evaluate))), "
              + "load + evaluate \(ms(total)) = \(String(format: "%.1f", total * 1e6 / Double(max(1, template.resources.count)))) µs per resource")
    }
}
if let peak = procStatus("VmHWM") { print("peak RSS: \(peak / 1024) MB") }
