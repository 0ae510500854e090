import Foundation

/// A CDK cloud assembly (`cdk.out`), read through its `manifest.json`: the template of every stack artifact
/// (`aws:cloudformation:stack`), and the stacks of the assemblies nested in it (`cdk:cloud-assembly`, one per
/// Stage), recursively. Nothing else in the folder is read: asset folders hold whatever the app's code holds
/// (a `tsconfig.json` with comments, Kubernetes manifests, a SAM template for local testing), none of it a
/// stack. Nested stack templates are found from their parent stack's resources, when the stack is loaded.
///
/// ```swift
/// if let assembly = CloudAssembly.read("cdk.out") {
///     let report = try Linter().run(assembly.sources, inputProblems: assembly.problems)
/// }
/// ```
public struct CloudAssembly: Sendable {
    /// The stack templates, each with its stack's identity, sorted by path.
    public var sources: [TemplateSource]
    /// Located problems with the manifests: one that is not JSON, a template or nested assembly that is
    /// missing. Each concerns one stack or one nested assembly; the others are still read.
    public var problems: [LoadDiagnostic]

    /// The name of the manifest file in every assembly folder.
    public static let manifestName = "manifest.json"
    /// The marker file CDK writes beside every manifest (`{"version": "…"}`).
    static let markerName = "cdk.out"
    /// Deepest nesting of assemblies followed (Stages within Stages).
    static let maxNesting = 32

    /// Reads the assembly in `directory`; nil when the folder is not one. A folder is a cloud assembly when its
    /// `manifest.json` lists at least one artifact, or when that manifest cannot be read but CDK's `cdk.out`
    /// marker beside it says the folder is an assembly (the problem is then reported).
    public static func read(_ directory: String, loader: TemplateLoader = TemplateLoader()) -> CloudAssembly? {
        let manifest = path(directory, manifestName)
        guard FileManager.default.fileExists(atPath: manifest) else { return nil }
        switch parseManifest(manifest, loader: loader) {
        case .failure(let problem):
            guard FileManager.default.fileExists(atPath: path(directory, markerName)) else { return nil }
            return CloudAssembly(sources: [], problems: [problem])
        case .success(let root):
            guard let artifacts = root["artifacts"]?.mapValue, !artifacts.isEmpty else { return nil }
            var reader = Reader(loader: loader)
            reader.visited.insert(realPath(directory))
            reader.read(artifacts, in: directory, manifest: manifest, depth: 0)
            return CloudAssembly(sources: reader.sources.sorted { $0.name < $1.name }, problems: reader.problems)
        }
    }

    /// Walks the artifacts of one manifest and the manifests of its nested assemblies.
    private struct Reader {
        let loader: TemplateLoader
        var sources: [TemplateSource] = []
        var problems: [LoadDiagnostic] = []
        var visited = Set<String>()

        mutating func read(_ artifacts: ValueMap, in directory: String, manifest: String, depth: Int) {
            for entry in artifacts.entries {
                guard let artifact = entry.value.mapValue else { continue }
                let properties = artifact["properties"]?.mapValue
                switch artifact["type"]?.stringValue {
                case "aws:cloudformation:stack":
                    readStack(entry, properties, in: directory, manifest: manifest)
                case "cdk:cloud-assembly":
                    readNestedAssembly(entry, properties, in: directory, manifest: manifest, depth: depth)
                default:
                    continue
                }
            }
        }

        private mutating func readStack(_ entry: ValueMap.Entry, _ properties: ValueMap?, in directory: String, manifest: String) {
            let artifact = entry.value.mapValue
            let stack = StackIdentity(name: properties?["stackName"]?.stringValue ?? entry.key,
                                      displayName: artifact?["displayName"]?.stringValue ?? entry.key)
            guard let templateValue = properties?["templateFile"], let templateFile = templateValue.stringValue, !templateFile.isEmpty else {
                problems.append(LoadDiagnostic("stack \(stack.name): the manifest names no templateFile for artifact \(entry.key)",
                                               at: FileLocation(file: manifest, position: entry.keyPosition)))
                return
            }
            let template = CloudAssembly.path(directory, templateFile)
            guard FileManager.default.fileExists(atPath: template) else {
                problems.append(LoadDiagnostic("stack \(stack.name): its template \(templateFile) does not exist",
                                               at: FileLocation(file: manifest, position: templateValue.position)))
                return
            }
            sources.append(.stackTemplate(template, stack: stack))
        }

        private mutating func readNestedAssembly(_ entry: ValueMap.Entry, _ properties: ValueMap?, in directory: String,
                                                 manifest: String, depth: Int) {
            let name = properties?["displayName"]?.stringValue ?? entry.key
            guard let directoryValue = properties?["directoryName"], let directoryName = directoryValue.stringValue, !directoryName.isEmpty else {
                problems.append(LoadDiagnostic("cloud assembly \(name): the manifest names no directoryName for artifact \(entry.key)",
                                               at: FileLocation(file: manifest, position: entry.keyPosition)))
                return
            }
            let nested = CloudAssembly.path(directory, directoryName)
            let nestedManifest = CloudAssembly.path(nested, CloudAssembly.manifestName)
            guard FileManager.default.fileExists(atPath: nestedManifest) else {
                problems.append(LoadDiagnostic("cloud assembly \(name): \(directoryName)/\(CloudAssembly.manifestName) does not exist",
                                               at: FileLocation(file: manifest, position: directoryValue.position)))
                return
            }
            guard depth < CloudAssembly.maxNesting, visited.insert(CloudAssembly.realPath(nested)).inserted else { return }
            switch CloudAssembly.parseManifest(nestedManifest, loader: loader) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let root):
                guard let artifacts = root["artifacts"]?.mapValue else {
                    problems.append(LoadDiagnostic("cloud assembly \(name): the manifest has no artifacts object",
                                                   at: FileLocation(file: nestedManifest, position: root.position)))
                    return
                }
                read(artifacts, in: nested, manifest: nestedManifest, depth: depth + 1)
            }
        }
    }

    /// The manifest's JSON, or a located problem (a manifest that is not JSON is reported where it breaks).
    private static func parseManifest(_ manifest: String, loader: TemplateLoader) -> Result<Value, LoadDiagnostic> {
        let bytes: [UInt8]
        do {
            bytes = try loader.readFile(manifest)
        } catch {
            return .failure(error)
        }
        let root: Value
        do {
            root = try DocumentLoader(limits: loader.limits).parse(bytes: bytes, file: manifest, format: .json).root
        } catch {
            var problem = error
            problem.message = "the cloud assembly manifest is not valid JSON: \(error.message)"
            return .failure(problem)
        }
        guard root.mapValue != nil else {
            return .failure(LoadDiagnostic("a cloud assembly manifest must be a JSON object", at: FileLocation(file: manifest, position: root.position)))
        }
        return .success(root)
    }

    static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func realPath(_ directory: String) -> String {
        URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    }
}
