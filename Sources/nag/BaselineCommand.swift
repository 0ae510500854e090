import ArgumentParser
import Foundation
import NagRules

/// `nag baseline create|update`: records the open findings of a run as accepted.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record the current findings as accepted, so a run with --baseline fails only on new ones.",
        subcommands: [Create.self, Update.self])

    /// `nag baseline create [paths] --output nag-baseline.json`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Write a baseline of the open (unsuppressed) findings of these templates.",
            discussion: "Takes the options of the check command; --output names the baseline file (default \(BaselineFile.defaultName)). Exit status 0 when written, 2 on invalid input.")

        @OptionGroup var check: CheckOptions

        func run() throws {
            let (settings, today) = try check.settings()
            let (report, _) = try check.lint(settings, today: today)
            report.diagnostics.forEach { printError($0.description) }
            let baseline = Baseline(report: report)
            let path = check.output ?? BaselineFile.defaultName
            try BaselineFile.write(baseline, to: path)
            print("nag: wrote \(baseline.entries.count) finding\(baseline.entries.count == 1 ? "" : "s") to \(path)")
            if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.invalidInput) }
        }
    }

    /// `nag baseline update [paths] --baseline FILE`: drops the entries that no longer occur.
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Remove the entries of a baseline that no longer occur (fixed findings); new findings are not added.",
            discussion: "Takes the options of the check command; --baseline names the file to update (default \(BaselineFile.defaultName)), rewritten in place.")

        @OptionGroup var check: CheckOptions

        func run() throws {
            let (settings, today) = try check.settings()
            let path = settings.baseline.value ?? BaselineFile.defaultName
            let old = try BaselineFile.read(path)
            let (report, _) = try check.lint(settings, today: today)
            report.diagnostics.forEach { printError($0.description) }
            let stale = Set(old.apply(to: report).staleBaselineEntries)
            let kept = Baseline(entries: old.entries.filter { !stale.contains($0) })
            try BaselineFile.write(kept, to: path)
            print("nag: removed \(stale.count) stale entr\(stale.count == 1 ? "y" : "ies") from \(path); \(kept.entries.count) remain")
            if report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.invalidInput) }
        }
    }
}

/// Reading and writing baseline files, with errors in nag's located form.
enum BaselineFile {
    static let defaultName = "nag-baseline.json"

    static func read(_ path: String) throws -> Baseline {
        do throws(LoadDiagnostic) {
            return try Baseline.parse(bytes: try TemplateLoader().readFile(path), file: path)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.invalidInput)
        }
    }

    static func write(_ baseline: Baseline, to path: String) throws {
        do {
            try Data(baseline.text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("\(path): error: cannot write the baseline: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
