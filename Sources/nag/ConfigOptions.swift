import ArgumentParser
import Foundation
import NagRules

/// `--config FILE` / `--no-config`: which `.nag.yaml` a run reads.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file (default: \(NagConfig.fileName) in the working directory or the nearest parent that has one).", valueName: "file"))
    var file: String?

    @Flag(name: .customLong("no-config"), help: "Read no configuration file.")
    var disabled = false

    /// The configuration, nil when there is none; an invalid file prints every problem located and exits 3.
    func load() throws -> NagConfig? {
        guard !disabled else { return nil }
        let found: (path: String, folder: String)
        if let file {
            found = (file, (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent)
        } else if let discovered = Self.discover() {
            found = discovered
        } else {
            return nil
        }
        do throws(ConfigError) {
            let bytes: [UInt8]
            do throws(LoadDiagnostic) {
                bytes = try TemplateLoader().readFile(found.path)
            } catch {
                throw ConfigError(diagnostics: [error])
            }
            return try NagConfig.parse(bytes: bytes, file: found.path, folder: found.folder)
        } catch {
            error.diagnostics.forEach { printError($0.description) }
            throw ExitCode(ExitStatus.invalidConfiguration)
        }
    }

    /// `.nag.yaml` in the working directory or the nearest parent, as a relative path (`../.nag.yaml`).
    static func discover() -> (path: String, folder: String)? {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        var folder = "."
        for _ in 0..<64 {
            let candidate = directory.appendingPathComponent(NagConfig.fileName).path
            if FileManager.default.fileExists(atPath: candidate) {
                return (folder == "." ? NagConfig.fileName : folder + "/" + NagConfig.fileName, folder)
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
            folder = folder == "." ? ".." : folder + "/.."
        }
        return nil
    }
}

/// `nag config`: the effective configuration, each value with where it came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective configuration: each setting with where it came from (command line, \(NagConfig.fileName) line, or default).",
        discussion: "Takes the options of the check command. Exit status 3 when the configuration file is invalid.")

    @OptionGroup var check: CheckOptions

    func run() throws {
        let (settings, _) = try check.settings()
        print(settings.description, terminator: "")
    }
}
