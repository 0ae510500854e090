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

    /// One directory's search. `visited` holds the folders already searched, by device and inode, so a
    /// symlink loop (or a folder reached twice) is searched once.
    private struct Search {
        let loader: TemplateLoader
        var found: [TemplateSource] = []
        var problems: [LoadDiagnostic] = []
        var visited = Set<FolderIdentity>()

        mutating func collect(in directory: String) {
            // One `stat` per folder (`realpath` had read every component of the path as a possible link).
            if let identity = FolderIdentity(of: directory), !visited.insert(identity).inserted { return }
            let entries = Self.entries(of: directory)
            if entries?.contains(where: { $0.name == CloudAssembly.manifestName }) ?? true,
               let assembly = CloudAssembly.read(directory, loader: loader) {
                found += assembly.sources
                problems += assembly.problems
                return
            }
            guard let entries else { return }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = directory.hasSuffix("/") ? directory + entry.name : directory + "/" + entry.name
                switch entry.kind ?? Self.kind(at: path) {
                case .directory?:
                    if !InputDiscovery.skippedFolders.contains(entry.name) { collect(in: path) }
                case .file?:
                    if let dot = entry.name.utf8.lastIndex(of: UInt8(ascii: ".")),
                       InputDiscovery.extensions.contains(String(entry.name[entry.name.index(after: dot)...]).lowercased()) {
                        found.append(.discoveredFile(path))
                    }
                case nil:
                    continue
                }
            }
        }

        enum Kind { case file, directory }

        /// A directory entry: its name, and its kind when the directory listing says (nil for a symbolic link or
        /// a file system that does not say, which ``kind(at:)`` then decides as `stat` sees it).
        struct Entry {
            var name: String
            var kind: Kind?
        }

        /// The entries of a directory in the order the system lists them, without `.` and `..`; nil when it
        /// cannot be read. One `readdir` pass: the kinds come with the names, so a plain file costs no `stat`.
        static func entries(of directory: String) -> [Entry]? {
            guard let stream = opendir(directory) else { return nil }
            defer { closedir(stream) }
            var entries: [Entry] = []
            while let pointer = readdir(stream) {
                let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let kind: Kind? = switch Int32(pointer.pointee.d_type) {
                case Int32(DT_DIR): .directory
                case Int32(DT_REG): .file
                default: nil
                }
                entries.append(Entry(name: name, kind: kind))
            }
            return entries
        }

        /// What `path` is once symbolic links are followed; nil when it does not exist (a dangling link).
        static func kind(at path: String) -> Kind? {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            return (status.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
        }

        /// A folder as the file system knows it, whatever path (or link) leads to it.
        struct FolderIdentity: Hashable {
            var device: UInt64
            var inode: UInt64

            /// The identity of the folder at `path`, links followed; nil when it cannot be read.
            init?(of path: String) {
                var status = stat()
                guard stat(path, &status) == 0 else { return nil }
                device = UInt64(status.st_dev)
                inode = UInt64(status.st_ino)
            }
        }
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
