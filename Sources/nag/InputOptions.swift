import ArgumentParser
import Foundation
import NagRules

/// Options shared by every command that reads templates.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Template files or directories (a CDK cloud assembly is read through its manifest.json; any other directory is searched recursively for .json, .yaml, .yml and .template files); - reads standard input.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Largest template accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = LoadLimits.default.maxFileSize

    @Option(name: .customLong("max-depth"), help: ArgumentHelp("Deepest nesting of lists and maps accepted (at most \(LoadLimits.maxDepthCeiling)).", valueName: "levels"))
    var maxDepth: Int = LoadLimits.default.maxDepth

    @Option(name: .customLong("max-alias-expansion"), help: ArgumentHelp("Most YAML nodes alias expansion may produce in one file.", valueName: "nodes"))
    var maxAliasExpansion: Int = LoadLimits.default.maxAliasExpansion

    var loader: TemplateLoader {
        TemplateLoader(limits: LoadLimits(maxFileSize: maxFileSize, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion))
    }

    func validate() throws {
        guard maxFileSize > 0, maxDepth > 0, maxAliasExpansion >= 0 else { throw ValidationError("Limits must be positive.") }
        guard maxDepth <= LoadLimits.maxDepthCeiling else {
            throw ValidationError("--max-depth is at most \(LoadLimits.maxDepthCeiling): deeper nesting than that is never a real template, and would exhaust the stack.")
        }
        guard maxFileSize <= LoadLimits.maxFileSizeCeiling else {
            throw ValidationError("--max-file-size is at most \(LoadLimits.maxFileSizeCeiling) bytes (1 GiB).")
        }
    }

    /// Stops a command given no path: piped input without `-` is named as such (exit 2).
    func requirePaths() throws {
        guard paths.isEmpty else { return }
        printError(isatty(STDIN_FILENO) == 0 ? "nag: error: reading standard input needs -: cat template.yaml | nag -"
                   : "nag: error: give at least one template file or directory (or - for standard input)")
        throw ExitCode(ExitStatus.invalidInput)
    }

    /// The sources to scan and the paths that could not be used.
    func discover() -> (sources: [TemplateSource], problems: [LoadDiagnostic]) {
        InputDiscovery.discover(paths, loader: loader)
    }
}

/// Turns command-line paths into template sources: files as given; a cloud assembly (`cdk.out`) through its
/// manifest; any other directory searched recursively, each cloud assembly met on the way read through its manifest.
enum InputDiscovery {
    static let extensions: Set<String> = ["json", "yaml", "yml", "template"]
    /// Folders never searched: build outputs and dependencies hold no templates of the project's own.
    static let skippedFolders: Set<String> = [".git", "node_modules", ".build"]

    static func discover(_ paths: [String], loader: TemplateLoader = TemplateLoader()) -> (sources: [TemplateSource], problems: [LoadDiagnostic]) {
        var sources: [TemplateSource] = []
        var problems: [LoadDiagnostic] = []
        let files = FileManager.default
        for path in paths {
            if path == "-" {
                do {
                    sources.append(.standardInput(try loader.readStandardInput()))
                } catch {
                    problems.append(error)
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(LoadDiagnostic("no such file or directory", at: FileLocation(file: path, line: 1, column: 1)))
                continue
            }
            guard isDirectory.boolValue else {
                sources.append(.file(path))
                continue
            }
            var search = Search(loader: loader)
            search.collect(in: path)
            sources += search.found.sorted { $0.name < $1.name }
            problems += search.problems
        }
        return (sources, problems)
    }

    /// One directory's search. `visited` holds the real paths of folders already searched, so a symlink loop
    /// is searched once.
    private struct Search {
        let loader: TemplateLoader
        var found: [TemplateSource] = []
        var problems: [LoadDiagnostic] = []
        var visited = Set<String>()

        mutating func collect(in directory: String) {
            let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else { return }
            if let assembly = CloudAssembly.read(directory, loader: loader) {
                found += assembly.sources
                problems += assembly.problems
                return
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            for name in names where !name.hasPrefix(".") || name == "." {
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    if !InputDiscovery.skippedFolders.contains(name) { collect(in: path) }
                } else if let ext = name.split(separator: ".").last, name.contains("."), InputDiscovery.extensions.contains(ext.lowercased()) {
                    found.append(.discoveredFile(path))
                }
            }
        }
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
