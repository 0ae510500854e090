/// A loaded CloudFormation template: every section, with positions, plus the shape problems found.
///
/// A template with shape problems (a resource without a `Type`, an unknown top-level section) still
/// loads; the problems are listed in ``diagnostics`` and the rest is evaluated.
public struct Template: Sendable {
    /// The sections, shared by every copy: a template is read by every check of every resource and handed
    /// from stage to stage, and a copy is one reference count instead of one per section.
    private final class Storage: Sendable {
        let file: String
        let root: Value
        let formatVersion: Value?
        let description: Value?
        let metadata: Value?
        let parameters: [Parameter]
        let mappings: ValueMap?
        let conditions: [ConditionDefinition]
        let transform: Value?
        let rules: Value?
        let resources: [Resource]
        let outputs: [Output]
        let diagnostics: [LoadDiagnostic]
        let referenceEstimate: Int?
        let resourceIndex: ResourceIndex
        let parameterIndex: [String: Int]
        let conditionIndex: [String: Int]

        init(file: String, root: Value, formatVersion: Value?, description: Value?, metadata: Value?,
             parameters: [Parameter], mappings: ValueMap?, conditions: [ConditionDefinition], transform: Value?,
             rules: Value?, resources: [Resource], outputs: [Output], diagnostics: [LoadDiagnostic],
             referenceEstimate: Int?) {
            self.file = file
            self.root = root
            self.formatVersion = formatVersion
            self.description = description
            self.metadata = metadata
            self.parameters = parameters
            self.mappings = mappings
            self.conditions = conditions
            self.transform = transform
            self.rules = rules
            self.resources = resources
            self.outputs = outputs
            self.diagnostics = diagnostics
            self.referenceEstimate = referenceEstimate
            self.resourceIndex = ResourceIndex(resources: resources, root: root)
            self.parameterIndex = Dictionary(parameters.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            self.conditionIndex = Dictionary(conditions.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    private let storage: Storage

    /// The path the template was read from (`-` for standard input).
    public var file: String { storage.file }
    /// The whole document.
    public var root: Value { storage.root }
    public var formatVersion: Value? { storage.formatVersion }
    public var description: Value? { storage.description }
    public var metadata: Value? { storage.metadata }
    public var parameters: [Parameter] { storage.parameters }
    public var mappings: ValueMap? { storage.mappings }
    public var conditions: [ConditionDefinition] { storage.conditions }
    public var transform: Value? { storage.transform }
    public var rules: Value? { storage.rules }
    public var resources: [Resource] { storage.resources }
    public var outputs: [Output] { storage.outputs }
    /// Shape problems found while reading the sections.
    public var diagnostics: [LoadDiagnostic] { storage.diagnostics }
    /// The references the loaded document's intrinsic functions write (``LoadedDocument/referenceEstimate``); nil
    /// for a template whose resources were not all loaded as written (the SAM expansion's).
    var referenceEstimate: Int? { storage.referenceEstimate }
    private var resourceIndex: ResourceIndex { storage.resourceIndex }
    private var parameterIndex: [String: Int] { storage.parameterIndex }
    private var conditionIndex: [String: Int] { storage.conditionIndex }

    init(file: String, root: Value, formatVersion: Value?, description: Value?, metadata: Value?,
         parameters: [Parameter], mappings: ValueMap?, conditions: [ConditionDefinition], transform: Value?,
         rules: Value?, resources: [Resource], outputs: [Output], diagnostics: [LoadDiagnostic],
         referenceEstimate: Int? = nil) {
        storage = Storage(file: file, root: root, formatVersion: formatVersion, description: description, metadata: metadata,
                          parameters: parameters, mappings: mappings, conditions: conditions, transform: transform,
                          rules: rules, resources: resources, outputs: outputs, diagnostics: diagnostics,
                          referenceEstimate: referenceEstimate)
    }

    public func resource(named logicalId: String) -> Resource? {
        resourceIndex[logicalId].map { resources[$0] }
    }

    /// Whether the template declares a resource `logicalId` (without copying it out).
    public func hasResource(named logicalId: String) -> Bool { resourceIndex[logicalId] != nil }

    /// Where resource `logicalId` is in ``resources`` (the first, should a list built in code repeat a name).
    func resourceIndex(named logicalId: String) -> Int? { resourceIndex[logicalId] }

    /// Whether the template declares a parameter `name`.
    public func hasParameter(named name: String) -> Bool { parameterIndex[name] != nil }

    /// The `AWS::Serverless::*` resource the SAM expansion generated `logicalId` from; nil for a resource the
    /// template declares (read in place: reports ask once per finding).
    public func generatedFrom(of logicalId: String) -> String? {
        resourceIndex[logicalId].flatMap { resources[$0].generatedFrom }
    }

    public func parameter(named name: String) -> Parameter? {
        parameterIndex[name].map { parameters[$0] }
    }

    public func condition(named name: String) -> ConditionDefinition? {
        conditionIndex[name].map { conditions[$0] }
    }

    /// The location of a position in this template's file.
    public func location(_ position: Position) -> FileLocation {
        FileLocation(file: file, position: position)
    }

    /// Whether the template declares the SAM transform (the pipeline expands its `AWS::Serverless::*` resources, see `expandingServerlessResources()`).
    public var usesServerlessTransform: Bool {
        func names(_ value: Value?) -> [String] {
            guard let value else { return [] }
            if let s = value.stringValue { return [s] }
            return value.listValue?.compactMap(\.stringValue) ?? []
        }
        return names(transform).contains { $0.hasPrefix("AWS::Serverless") }
    }
}

/// One entry of the `Resources` section.
public struct Resource: Sendable {
    public let logicalId: String
    /// Where the logical id is written.
    public let position: Position
    /// The resource type (`AWS::S3::Bucket`); empty when the template omits it (a shape diagnostic says so).
    public let type: String
    public let typePosition: Position
    /// The whole resource entry: Type, Properties, Metadata, DependsOn, Condition and the rest.
    public let definition: ValueMap
    /// `Properties` when it is a map, else empty (see ``propertiesValue`` for the written value).
    public let properties: ValueMap
    public let propertiesValue: Value?
    /// The `AWS::Serverless::*` resource this one was generated from by the SAM expansion, nil when the
    /// template declares it.
    public var generatedFrom: String? = nil

    public var metadata: Value? { definition["Metadata"] }
    /// The name of the condition the resource is created under.
    public var condition: String? { definition["Condition"]?.stringValue }
    /// The construct path CDK records in `Metadata["aws:cdk:path"]`.
    public var cdkPath: String? { metadata?["aws:cdk:path"]?.stringValue }

    /// A property by name.
    public subscript(property name: String) -> Value? { properties[name] }

    /// Where a property's key is written, falling back to the resource's position.
    public func position(ofProperty name: String) -> Position {
        properties.entry(name)?.keyPosition ?? propertiesPosition
    }

    /// Where `Properties` is written, or the logical id when it is absent.
    public var propertiesPosition: Position { definition.entry("Properties")?.keyPosition ?? position }
}

/// One entry of the `Parameters` section.
public struct Parameter: Sendable {
    public let name: String
    public let position: Position
    public let definition: ValueMap

    public var type: String? { definition["Type"]?.stringValue }
    public var defaultValue: Value? { definition["Default"] }
    public var noEcho: Bool {
        guard let value = definition["NoEcho"] else { return false }
        return value.boolValue ?? (value.scalarText?.lowercased() == "true")
    }
    /// Whether the parameter's value is read from Systems Manager Parameter Store at deploy time
    /// (`AWS::SSM::Parameter::Value<…>`): its `Default` names the SSM parameter, it is not the value.
    public var isStoredInSSM: Bool { type?.hasPrefix("AWS::SSM::Parameter::Value<") ?? false }
    /// Whether values of this parameter are lists (`CommaDelimitedList`, `List<…>`).
    public var isList: Bool {
        guard let type else { return false }
        return type == "CommaDelimitedList" || type.hasPrefix("List<")
            || type.hasPrefix("AWS::SSM::Parameter::Value<List<") || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>"
    }
}

/// One entry of the `Conditions` section.
public struct ConditionDefinition: Sendable {
    public let name: String
    public let position: Position
    public let expression: Value
}

/// One entry of the `Outputs` section.
public struct Output: Sendable {
    public let name: String
    public let position: Position
    public let definition: ValueMap

    public var value: Value? { definition["Value"] }
}
