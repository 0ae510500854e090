#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems found in custom pack files, every one with its file, line and column.
public struct CustomPackErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [LoadDiagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads custom rule packs from YAML files (see docs/custom-rules.md).
///
/// ```swift
/// let packs = try CustomPackLoader().load(paths: ["rules"])
/// let linter = Linter(availablePacks: BuiltInPacks.all + packs,
///                     selection: RuleSelection(packNames: BuiltInPacks.defaultNames + packs.map(\.name)))
/// ```
public struct CustomPackLoader: Sendable {
    public var limits: LoadLimits
    /// Packs whose rule ids a custom rule may not reuse.
    public var builtIn: [RulePack]

    public init(limits: LoadLimits = .default, builtIn: [RulePack] = BuiltInPacks.all) {
        self.limits = limits
        self.builtIn = builtIn
    }

    /// Loads every pack file: files as given, folders searched recursively for `.yaml` and `.yml` files (in
    /// name order). Throws every problem found, in any file, when there is one.
    public func load(paths: [String]) throws(CustomPackErrors) -> [RulePack] {
        var diagnostics: [LoadDiagnostic] = []
        var files: [String] = []
        for path in paths {
            switch Self.kind(of: path) {
            case .none: diagnostics.append(LoadDiagnostic("no such rule pack file or folder", at: FileLocation(file: path, line: 1, column: 1)))
            case .file: files.append(path)
            case .directory:
                var found: [String] = []
                Self.collect(in: path, into: &found)
                if found.isEmpty {
                    diagnostics.append(LoadDiagnostic("the folder holds no .yaml or .yml pack file", at: FileLocation(file: path, line: 1, column: 1)))
                }
                files += found.sorted()
            }
        }
        var packs: [(pack: RulePack, location: FileLocation)] = []
        for file in files {
            do {
                let bytes = try TemplateLoader(limits: limits).readFile(file)
                switch parse(bytes: bytes, file: file) {
                case .success(let pack): packs.append(pack)
                case .failure(let errors): diagnostics += errors.diagnostics
                }
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics += conflicts(packs)
        guard diagnostics.isEmpty else { throw CustomPackErrors(diagnostics: diagnostics) }
        return packs.map(\.pack)
    }

    /// Reads one pack file's bytes; `file` names it in messages.
    public func parse(bytes: [UInt8], file: String) -> Result<(pack: RulePack, location: FileLocation), CustomPackErrors> {
        let root: Value
        do {
            root = try bytes.withUnsafeBytes { raw in
                var warnings: [ParseError] = []
                return try YAMLParser.parse(raw, limits: limits, warnings: &warnings)
            }
        } catch let error as ParseError {
            return .failure(CustomPackErrors(diagnostics: [error.diagnostic(file: file)]))
        } catch {
            return .failure(CustomPackErrors(diagnostics: [LoadDiagnostic("\(error)", at: FileLocation(file: file, line: 1, column: 1))]))
        }
        var reader = PackFileReader(file: file, text: String(decoding: bytes, as: UTF8.self))
        guard let pack = reader.read(root) else { return .failure(CustomPackErrors(diagnostics: reader.log.errors)) }
        return .success(pack)
    }

    /// Pack names used twice, and rule ids that a built-in rule or another file already has.
    private func conflicts(_ packs: [(pack: RulePack, location: FileLocation)]) -> [LoadDiagnostic] {
        var diagnostics: [LoadDiagnostic] = []
        let builtInIds = Set(builtIn.flatMap(\.rules).map { $0.id.description.lowercased() })
        var packNames: [String: FileLocation] = [:]
        var ruleIds: [String: FileLocation] = [:]
        for (pack, location) in packs {
            if let first = packNames[pack.name.lowercased()] {
                diagnostics.append(LoadDiagnostic("pack \(pack.name) is also defined at \(first); a pack lives in one file", at: location, related: [first]))
            } else {
                packNames[pack.name.lowercased()] = location
            }
            for case let rule as CustomRule in pack.rules.compactMap(\.check) {
                let id = rule.id.description
                if builtInIds.contains(id.lowercased()) {
                    diagnostics.append(LoadDiagnostic("rule id \(id) is already used by a built-in rule", at: rule.location))
                } else if let first = ruleIds[id.lowercased()] {
                    diagnostics.append(LoadDiagnostic("duplicate rule id \(id) (first defined at \(first))", at: rule.location, related: [first]))
                } else {
                    ruleIds[id.lowercased()] = rule.location
                }
            }
        }
        return diagnostics
    }

    private enum Kind { case file, directory }

    private static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    private static func collect(in directory: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            switch kind(of: path) {
            case .directory: collect(in: path, into: &found)
            case .file:
                let lower = name.lowercased()
                if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { found.append(path) }
            case .none: continue
            }
        }
    }
}
