import Dispatch
import Synchronization

/// One input to scan: a file path, or bytes already read (standard input).
public struct TemplateSource: Sendable, Hashable {
    /// The name shown in positions: the path, or `-` for standard input.
    public var name: String
    public var bytes: [UInt8]?
    /// Found by searching a directory rather than named by the user: such a file that is not a
    /// CloudFormation template (a `manifest.json` in `cdk.out`, a `package.json`) is skipped, not an error.
    public var discovered: Bool = false
    /// The stack a cloud assembly's manifest says the template is (nil for templates found any other way).
    public var stack: StackIdentity?
    /// The bytes stand for the file at `name` (an editor's text, saved or not): a template that nests that
    /// file gets these bytes, not the file's.
    public var standsForFile = false

    public static func file(_ path: String) -> TemplateSource { TemplateSource(name: path, bytes: nil) }
    /// A stack template named by a cloud assembly's manifest: not a template is an error, as for a named file.
    public static func stackTemplate(_ path: String, stack: StackIdentity) -> TemplateSource {
        TemplateSource(name: path, bytes: nil, stack: stack)
    }
    public static func discoveredFile(_ path: String) -> TemplateSource { TemplateSource(name: path, bytes: nil, discovered: true) }
    public static func standardInput(_ bytes: [UInt8]) -> TemplateSource { TemplateSource(name: "-", bytes: bytes) }
    /// The text of an open editor document for the file at `path` (`nag lsp`). Like a discovered file, it is
    /// skipped when it is not a template.
    public static func openDocument(_ bytes: [UInt8], path: String) -> TemplateSource {
        TemplateSource(name: path, bytes: bytes, discovered: true, standsForFile: true)
    }
}

extension TemplateLoader {
    /// Loads one source; the failure is a located diagnostic, never a crash.
    public func load(_ source: TemplateSource) -> Result<Template, LoadDiagnostic> {
        do {
            if let bytes = source.bytes { return .success(try load(bytes: bytes, file: source.name)) }
            return .success(try load(path: source.name))
        } catch {
            return .failure(error)
        }
    }

    /// Loads every source on all cores; results come back in the order of `sources`.
    public func loadAll(_ sources: [TemplateSource]) -> [Result<Template, LoadDiagnostic>] {
        concurrentMap(sources) { load($0) }
    }

    /// A file found in a directory that is not a CloudFormation template is not an input.
    public static func isSkipped(_ source: TemplateSource, _ result: Result<Template, LoadDiagnostic>) -> Bool {
        guard source.discovered, case .failure(let diagnostic) = result else { return false }
        return diagnostic.code == .notATemplate
    }
}

/// Maps on all cores, keeping the input order. Each element is handled exactly once.
package func concurrentMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
    if items.count <= 1 { return items.map(transform) }
    let results = Mutex<[U?]>(Array(repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        let value = transform(items[index])
        results.withLock { $0[index] = value }
    }
    return results.withLock { $0.map { $0! } }
}
