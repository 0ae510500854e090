import ArgumentParser
import NagRules

/// `--rules PATH`: custom rule packs in YAML (docs/custom-rules.md).
struct CustomRuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A custom rule pack file, or a folder of .yaml/.yml packs (repeatable); its rules always run unless --rule/--skip-rule filter them out.", valueName: "path"))
    var paths: [String] = []

    /// The packs, or every problem in them printed with file:line:col and exit status 2.
    func packs() throws -> [RulePack] {
        try Self.load(paths)
    }

    static func load(_ paths: [String]) throws -> [RulePack] {
        guard !paths.isEmpty else { return [] }
        do {
            return try CustomPackLoader().load(paths: paths)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}

extension RuleSelection {
    /// Adds custom packs to the packs a run uses.
    func adding(_ packs: [RulePack]) -> RuleSelection {
        var selection = self
        for pack in packs where !selection.packNames.contains(where: { $0.lowercased() == pack.name.lowercased() }) {
            selection.packNames.append(pack.name)
        }
        return selection
    }
}
