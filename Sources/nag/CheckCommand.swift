import ArgumentParser
import NagRules

/// `nag [options] PATH...`: evaluates templates against rule packs (the default command).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check templates against the rule packs (the default command).")

    @OptionGroup var input: InputOptions

    func run() throws {
        throw ValidationError("the rule engine is not built yet; use `nag graph`")
    }
}
