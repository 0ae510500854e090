import ArgumentParser
import Foundation
import NagRules

@main
struct Nag: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nag",
        abstract: "Lint CloudFormation templates against the cdk-nag rule packs.",
        version: NagVersion.current,
        subcommands: [Check.self, Graph.self, Rules.self, Explain.self, TestRules.self],
        defaultSubcommand: Check.self)

    /// As ArgumentParser's `main`, but an invalid option or argument exits with 2 (the documented status
    /// for invalid input), not `EX_USAGE`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
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
}
