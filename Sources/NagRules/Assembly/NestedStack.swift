import Foundation

/// An `AWS::CloudFormation::Stack` resource and the template file it deploys, found the way CDK and
/// `aws cloudformation package` write them:
///
/// 1. CDK's `aws:asset:path` metadata on the resource names the nested template in the assembly;
/// 2. a `TemplateURL` without a scheme is a path relative to the parent template (`./network.yaml`);
/// 3. otherwise the last part of the `TemplateURL` (CDK's asset hash `a7da…e67.json`, or `network.yaml` of an
///    S3 URL) names the file: through the asset manifests beside the parent (`*.assets.json`), or as a file
///    beside the parent.
///
/// A URL naming nothing found locally is a template kept elsewhere: not an input, not a problem.
public struct NestedStack: Sendable, Equatable {
    /// The logical id of the `AWS::CloudFormation::Stack` resource in the parent.
    public var logicalId: String
    /// The nested template's path (relative to the same folder the parent's path is relative to).
    public var templatePath: String
    /// Where the parent names the template (the metadata value or `TemplateURL`).
    public var position: Position

    /// Metadata key CDK writes on an asset's resource: the asset's path in the cloud assembly.
    public static let assetPathKey = "aws:asset:path"
    static let stackType = "AWS::CloudFormation::Stack"

    /// The nested stacks `template` (read from `file`) deploys, and problems with the ones that cannot be found:
    /// an error when CDK's metadata names a missing file (a broken assembly), a warning when a relative
    /// `TemplateURL` does (the template is then not checked).
    public static func references(in template: Template, file: String,
                                  assets: AssetIndex = AssetIndex()) -> (stacks: [NestedStack], problems: [LoadDiagnostic]) {
        guard file != "-" else { return ([], []) }
        let directory = (file as NSString).deletingLastPathComponent
        var stacks: [NestedStack] = []
        var problems: [LoadDiagnostic] = []
        for resource in template.resources where resource.type == stackType {
            if let assetPath = resource.metadata?[assetPathKey], let relative = assetPath.stringValue, !relative.isEmpty {
                let path = join(directory, relative)
                if isFile(path) {
                    stacks.append(NestedStack(logicalId: resource.logicalId, templatePath: path, position: assetPath.position))
                } else {
                    problems.append(LoadDiagnostic("nested stack \(resource.logicalId): its template \(relative) does not exist",
                                                   at: template.location(assetPath.position)))
                }
                continue
            }
            guard let url = resource.properties["TemplateURL"] else { continue }
            let text = url.stringValue ?? CdkNagText.flatten(url)
            if url.stringValue != nil, !text.contains(":") {
                let path = text.hasPrefix("/") ? text : join(directory, text)
                if isFile(path) {
                    stacks.append(NestedStack(logicalId: resource.logicalId, templatePath: path, position: url.position))
                } else {
                    problems.append(LoadDiagnostic("nested stack \(resource.logicalId): its template \(text) does not exist, so it is not checked",
                                                   at: template.location(url.position), severity: .warning))
                }
                continue
            }
            guard let last = text.split(separator: "/").last.map(String.init), !last.contains("<"), !last.contains(">"),
                  !last.contains(":") else { continue }
            if let source = assets.sourcePath(ofObjectKey: last) {
                let path = join(directory, source)
                if isFile(path) {
                    stacks.append(NestedStack(logicalId: resource.logicalId, templatePath: path, position: url.position))
                }
            } else if isFile(join(directory, last)) {
                stacks.append(NestedStack(logicalId: resource.logicalId, templatePath: join(directory, last), position: url.position))
            }
        }
        return (stacks, problems)
    }

    /// `relative` inside `directory` (an absolute `relative` as is), with `.` and `x/..` parts taken out; links
    /// are not resolved, so the path reads as the user's own.
    static func join(_ directory: String, _ relative: String) -> String {
        var whole = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
        // Read on the bytes: a `/` is never part of another character's bytes, and this runs for every input.
        let joined = whole.withUTF8 { bytes -> String in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            func isDots(_ part: Range<Int>, _ count: Int) -> Bool {
                part.count == count && bytes[part].allSatisfy { $0 == dot }
            }
            var parts: [Range<Int>] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != slash { end += 1 }
                let part = start..<end
                start = end + 1
                if part.isEmpty || isDots(part, 1) { continue }
                if isDots(part, 2), let last = parts.last, !isDots(last, 2) {
                    parts.removeLast()
                    continue
                }
                parts.append(part)
            }
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { text.append(slash) }
                text.append(contentsOf: bytes[part])
            }
            return String(decoding: text, as: UTF8.self)
        }
        return whole.hasPrefix("/") ? "/" + joined : joined
    }

    /// A file (or a link to one), not a folder.
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Whether `template` has any `AWS::CloudFormation::Stack` resource.
    static func hasNestedStacks(_ template: Template) -> Bool {
        template.resources.contains { $0.type == stackType }
    }
}

/// The files a CDK asset manifest (`Stack.assets.json`) publishes, by the S3 object key they are uploaded
/// under: how a `TemplateURL` without CDK's asset metadata leads back to the nested template's file.
public struct AssetIndex: Sendable, Equatable {
    var sourceByObjectKey: [String: String]

    public init(sourceByObjectKey: [String: String] = [:]) {
        self.sourceByObjectKey = sourceByObjectKey
    }

    /// The file (relative to the assembly folder) uploaded as `objectKey`.
    public func sourcePath(ofObjectKey objectKey: String) -> String? { sourceByObjectKey[objectKey] }

    /// Reads every `*.assets.json` in `directory`; files that cannot be read are skipped (they only help find
    /// templates that CDK's metadata would name anyway).
    public static func read(directory: String, loader: TemplateLoader = TemplateLoader()) -> AssetIndex {
        let folder = directory.isEmpty ? "." : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return AssetIndex() }
        var index: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".assets.json") {
            guard let bytes = try? loader.readFile(NestedStack.join(directory, name)),
                  let root = try? DocumentLoader(limits: loader.limits).parse(bytes: bytes, file: name, format: .json).root,
                  let files = root["files"]?.mapValue else { continue }
            for entry in files.entries {
                guard let source = entry.value["source"], source["packaging"]?.stringValue == "file",
                      let path = source["path"]?.stringValue,
                      let destinations = entry.value["destinations"]?.mapValue else { continue }
                for destination in destinations.entries {
                    if let key = destination.value["objectKey"]?.stringValue, index[key] == nil { index[key] = path }
                }
            }
        }
        return AssetIndex(sourceByObjectKey: index)
    }
}
