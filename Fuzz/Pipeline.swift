// libFuzzer harness: the whole pipeline on arbitrary bytes: load (JSON or YAML by content), evaluate every
// built-in pack, apply suppressions, and write every report format.
// Built by scripts/fuzz together with NagRules' sources in one module; see Fuzz/README.md.

let fuzzRuleSet = (try? RuleSelection(packNames: ["all"]).ruleSet(from: BuiltInPacks.all)) ?? RuleSet(rules: [])
let fuzzKnownIds = Set(BuiltInPacks.all.flatMap(\.rules).map(\.id.description))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file: RunReport.FileResult
    do {
        let template = try TemplateLoader().load(bytes: bytes, file: "fuzz.yaml")
        let evaluation = Evaluator(ruleSet: fuzzRuleSet).evaluate(template)
        let suppressed = Suppressor(ruleSet: fuzzRuleSet, knownRuleIds: fuzzKnownIds).apply(to: evaluation)
        file = RunReport.FileResult(file: "fuzz.yaml", evaluation: suppressed, diagnostics: template.diagnostics)
    } catch {
        file = RunReport.FileResult(file: "fuzz.yaml", evaluation: nil, diagnostics: [error])
    }
    let report = RunReport(files: [file], rules: fuzzRuleSet.rules.map(\.description))
    for format in ReportFormat.allCases {
        _ = MachineFormats.formatter(for: format).format(report)
    }
    return 0
}
