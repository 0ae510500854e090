import ArgumentParser
import Foundation
import NagRules

@main
struct Nag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nag",
        abstract: "Lint CloudFormation templates against the cdk-nag rule packs.",
        version: NagVersion.current,
        subcommands: [Check.self, Graph.self, Rules.self, Explain.self, TestRules.self, BaselineCommand.self, ConfigCommand.self, LSP.self],
        defaultSubcommand: Check.self)

    /// As ArgumentParser's `main`, but an invalid option or argument exits with 2 (the documented status
    /// for invalid input), not `EX_USAGE`.
    /// An option found wrong while a command runs (an unknown pack) is shown with that command's usage, not
    /// the top-level one.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(ExitStatus.invalidInput)
        }
        do {
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let name = type(of: command).configuration.commandName ?? "check"
            printError("Error: \(message(for: error))\nUsage: \(usageString(for: type(of: command)))\n  See 'nag \(name) --help' for more information.")
            Foundation.exit(ExitStatus.invalidInput)
        }
    }
}

/// Exit codes, documented in the README.
enum ExitStatus {
    /// No unsuppressed finding at or above the fail level.
    static let clean: Int32 = 0
    /// At least one unsuppressed finding at or above the fail level.
    static let findings: Int32 = 1
    /// An input or option is invalid (other files are still scanned and reported).
    static let invalidInput: Int32 = 2
    /// The configuration file (`.nag.yaml` or `--config`) is invalid: nothing was checked.
    static let invalidConfiguration: Int32 = 3
}
