/// Reads the sections of a parsed document into a ``Template``, recording shape problems.
struct TemplateReader {
    let file: String
    private var diagnostics: [LoadDiagnostic] = []

    init(file: String, diagnostics: [LoadDiagnostic] = []) {
        self.file = file
        self.diagnostics = diagnostics
    }

    static let knownSections: Set<String> = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions",
        "Transform", "Rules", "Resources", "Outputs", "Hooks",
    ]

    /// Builds a template, or throws when the document is not a CloudFormation template at all. `referenceEstimate`
    /// is the document's (``LoadedDocument/referenceEstimate``), kept for the graph.
    mutating func read(_ root: Value, referenceEstimate: Int? = nil) throws -> Template {
        guard let top = root.mapValue else {
            throw LoadDiagnostic(
                "not a CloudFormation template: the document is \(root.kindDescription), expected a map of sections such as Resources",
                at: location(root.position), code: .notATemplate)
        }
        if !top.keys.contains(where: Self.knownSections.contains) {
            throw LoadDiagnostic(
                "not a CloudFormation template: none of its top-level keys is a template section (expected Resources)",
                at: location(root.position), code: .notATemplate)
        }
        let transform = top["Transform"]
        let isServerless = Self.transformNames(transform).contains { $0.hasPrefix("AWS::Serverless") }
        for entry in top.entries where !Self.knownSections.contains(entry.key) {
            if entry.key == "Globals" {
                if !isServerless {
                    diagnostics.append(LoadDiagnostic(
                        "Globals is a section of the SAM transform, which this template does not declare (Transform: AWS::Serverless-2016-10-31)",
                        at: location(entry.keyPosition), severity: .warning))
                }
                continue
            }
            problem("unknown top-level section \"\(entry.key)\"", at: entry.keyPosition)
        }
        let resources = readResources(top.entry("Resources"), root: root)
        return Template(
            file: file, root: root,
            formatVersion: top["AWSTemplateFormatVersion"],
            description: top["Description"],
            metadata: top["Metadata"],
            parameters: readParameters(top.entry("Parameters")),
            mappings: section(top.entry("Mappings"))?.mapValue,
            conditions: readConditions(top.entry("Conditions")),
            transform: transform,
            rules: top["Rules"],
            resources: resources,
            outputs: readOutputs(top.entry("Outputs")),
            diagnostics: diagnostics,
            referenceEstimate: referenceEstimate)
    }

    private static func transformNames(_ value: Value?) -> [String] {
        guard let value else { return [] }
        if let s = value.stringValue { return [s] }
        return value.listValue?.compactMap(\.stringValue) ?? []
    }

    private func location(_ position: Position) -> FileLocation {
        FileLocation(file: file, position: position)
    }

    private mutating func problem(_ message: String, at position: Position) {
        diagnostics.append(LoadDiagnostic(message, at: location(position)))
    }

    /// A section that must be a map; anything else is reported and treated as absent.
    private mutating func section(_ entry: ValueMap.Entry?) -> Value? {
        guard let entry else { return nil }
        guard entry.value.mapValue != nil else {
            if !entry.value.isNull {
                problem("section \(entry.key) must be a map, found \(entry.value.kindDescription)", at: entry.value.position)
            }
            return nil
        }
        return entry.value
    }

    /// Entries of a section; `Fn::ForEach::…` loops (language extensions) are skipped, not expanded.
    private mutating func members(of entry: ValueMap.Entry?) -> [ValueMap.Entry] {
        guard let map = section(entry)?.mapValue else { return [] }
        // Most sections have no loop, and keep their entries as they are (no copy).
        guard map.entries.contains(where: { IntrinsicName.isForEachLoop($0.key) }) else { return map.entries }
        return map.entries.filter { !IntrinsicName.isForEachLoop($0.key) }
    }

    private mutating func readResources(_ entry: ValueMap.Entry?, root: Value) -> [Resource] {
        if entry == nil {
            problem("the template has no Resources section (CloudFormation requires one)", at: root.position)
        }
        let members = members(of: entry)
        var resources: [Resource] = []
        resources.reserveCapacity(members.count)
        for offset in members.indices {
            let member = members[offset]
            guard case .map(let definition) = member.value.kind else {
                problem("resource \(member.key) must be a map, found \(member.value.kindDescription)", at: member.value.position)
                continue
            }
            let typeEntry = definition.entry("Type")
            let type = typeEntry?.value.stringValue ?? ""
            if typeEntry == nil {
                problem("resource \(member.key) has no Type", at: member.keyPosition)
            } else if type.isEmpty {
                problem("resource \(member.key): Type must be a non-empty string", at: typeEntry!.value.position)
            }
            let propertiesValue = definition["Properties"]
            if let propertiesValue, propertiesValue.mapValue == nil, propertiesValue.intrinsicValue == nil, !propertiesValue.isNull {
                problem("resource \(member.key): Properties must be a map, found \(propertiesValue.kindDescription)",
                        at: propertiesValue.position)
            }
            resources.append(Resource(
                logicalId: member.key, position: member.keyPosition, type: type,
                typePosition: typeEntry?.value.position ?? member.keyPosition,
                definition: definition, properties: propertiesValue?.mapValue ?? ValueMap(),
                propertiesValue: propertiesValue))
        }
        return resources
    }

    private mutating func readParameters(_ entry: ValueMap.Entry?) -> [Parameter] {
        members(of: entry).compactMap { member in
            guard let definition = member.value.mapValue else {
                problem("parameter \(member.key) must be a map, found \(member.value.kindDescription)", at: member.value.position)
                return nil
            }
            return Parameter(name: member.key, position: member.keyPosition, definition: definition)
        }
    }

    private mutating func readConditions(_ entry: ValueMap.Entry?) -> [ConditionDefinition] {
        members(of: entry).map { ConditionDefinition(name: $0.key, position: $0.keyPosition, expression: $0.value) }
    }

    private mutating func readOutputs(_ entry: ValueMap.Entry?) -> [Output] {
        members(of: entry).compactMap { member in
            guard let definition = member.value.mapValue else {
                problem("output \(member.key) must be a map, found \(member.value.kindDescription)", at: member.value.position)
                return nil
            }
            return Output(name: member.key, position: member.keyPosition, definition: definition)
        }
    }
}
