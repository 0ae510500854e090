import Foundation

/// The stacks of one run, in report order: each input that no other template of the run nests, followed by
/// the stacks it nests (and theirs), depth first. A template nested by two parents is two stacks: each is
/// evaluated with the values its own parent passes.
///
/// Building it reads files (nested templates the inputs do not include: in a cloud assembly, every nested
/// stack); everything after is pure.
struct StackForest: Sendable {
    struct Stack: Sendable {
        /// The path shown in positions.
        var file: String
        var loaded: Result<Template, LoadDiagnostic>
        /// The index of the parent stack, nil for an input.
        var parent: Int?
        /// The parent's `AWS::CloudFormation::Stack` resource that deploys this stack.
        var resource: String?
        /// Problems finding the stacks this one nests, located in this template.
        var nestingProblems: [LoadDiagnostic] = []
    }

    var stacks: [Stack]

    /// Deepest nesting followed.
    static let maxDepth = 32
    /// Most stacks one run evaluates per loaded template (a template nested by many parents counts once per parent).
    static let maxStacksPerTemplate = 64

    /// The parameter values of each stack (in the order of ``stacks``): an input's come from the command line, a
    /// nested stack's from its parent, decided with the parent's own values.
    func parameters(commandLine: [String: String]) -> [StackParameters] {
        var values: [StackParameters] = []
        values.reserveCapacity(stacks.count)
        for stack in stacks {
            guard let parentIndex = stack.parent, let logicalId = stack.resource,
                  case .success(let parent) = stacks[parentIndex].loaded, case .success(let child) = stack.loaded,
                  let resource = parent.resource(named: logicalId) else {
                values.append(.input(commandLine))
                continue
            }
            values.append(.passed(to: child, by: resource, in: parent, parentValues: values[parentIndex], commandLine: commandLine))
        }
        return values
    }

    /// How cdk-nag 2 wrote the finding ids of each stack (in the order of ``stacks``): a parameter a parent
    /// passes a reference to is written as that reference (followed up to the stack that owns the resource),
    /// and an export another stack of the run makes as the value it exports.
    func renderings(parameters: [StackParameters]) -> [FindingIdRenderings] {
        var passed: [FindingIdRenderings] = []
        passed.reserveCapacity(stacks.count)
        for stack in stacks {
            guard let parentIndex = stack.parent, let logicalId = stack.resource, case .success(let parent) = stacks[parentIndex].loaded,
                  let written = parent.resource(named: logicalId)?.properties["Parameters"]?.mapValue else {
                passed.append(FindingIdRenderings())
                continue
            }
            let parentRenderings = passed[parentIndex]
            passed.append(FindingIdRenderings(written.entries.compactMap { entry in
                guard entry.value.intrinsicValue != nil else { return nil }
                return .init("<\(entry.key)>", original: parentRenderings.original(of: CdkNagText.flatten(entry.value)))
            }))
        }
        var exports: [FindingIdRenderings.Replacement] = []
        var exported = Set<String>()
        for (index, stack) in stacks.enumerated() {
            guard case .success(let template) = stack.loaded, template.outputs.contains(where: { $0.definition["Export"] != nil }) else { continue }
            let resolver = parameters[index].resolver(for: template)
            for output in template.outputs {
                guard let value = output.value, value.intrinsicValue != nil,
                      let name = resolver.resolve(output.definition["Export"]?["Name"]).string,
                      exported.insert(name).inserted else { continue }
                exports.append(.init(name, original: passed[index].original(of: CdkNagText.flatten(value))))
            }
        }
        let imports = FindingIdRenderings(exports.sorted { $0.text.count > $1.text.count })
        return passed.map { $0.followed(by: imports) }
    }

    /// Loads every input and the nested templates they lead to, and orders them into stacks. Inputs that are
    /// files found in a folder and are not templates are dropped, as before.
    static func build(_ sources: [TemplateSource], loader: TemplateLoader) -> StackForest {
        let results = concurrentMap(sources) { loader.load($0) }
        var templates = LoadedTemplates(loader: loader)
        var inputs: [(key: String, file: String)] = []
        for (source, result) in zip(sources, results) where !TemplateLoader.isSkipped(source, result) {
            let key = source.bytes == nil || source.standsForFile ? templates.key(source.name) : "-\(inputs.count)"
            templates.add(key: key, file: source.name, result)
            inputs.append((key, source.name))
        }
        templates.loadNestedTemplates()
        var walk = Walk(templates: templates)
        let claimed = templates.nestedKeys
        for input in inputs where !claimed.contains(input.key) { walk.visit(input.key, parent: nil, resource: nil, chain: []) }
        // Inputs only reachable through a cycle of nested stacks: each is checked on its own.
        for input in inputs where !walk.visited.contains(input.key) { walk.visit(input.key, parent: nil, resource: nil, chain: []) }
        return StackForest(stacks: walk.stacks)
    }

    /// Every loaded template by key, with the nested stacks each one names.
    private struct LoadedTemplates {
        let loader: TemplateLoader
        var results: [String: Result<Template, LoadDiagnostic>] = [:]
        var files: [String: String] = [:]
        var nested: [String: (stacks: [NestedStack], problems: [LoadDiagnostic])] = [:]
        private var assets: [String: AssetIndex] = [:]

        init(loader: TemplateLoader) { self.loader = loader }

        /// Files named differently (`./a.yaml`, `a.yaml`) are one template.
        func key(_ file: String) -> String {
            NestedStack.join("", file)
        }

        mutating func add(key: String, file: String, _ result: Result<Template, LoadDiagnostic>) {
            guard results[key] == nil else { return }
            results[key] = result
            files[key] = file
            guard case .success(let template) = result, NestedStack.hasNestedStacks(template) else { return }
            let directory = (file as NSString).deletingLastPathComponent
            if assets[directory] == nil { assets[directory] = AssetIndex.read(directory: directory, loader: loader) }
            nested[key] = NestedStack.references(in: template, file: file, assets: assets[directory] ?? AssetIndex())
        }

        /// Loads the nested templates not loaded yet, level by level, each level on all cores.
        mutating func loadNestedTemplates() {
            var pending = missingNestedTemplates()
            var level = 0
            while !pending.isEmpty && level < StackForest.maxDepth {
                let loader = self.loader
                let loaded = concurrentMap(pending) { loader.load(.file($0)) }
                for (file, result) in zip(pending, loaded) { add(key: key(file), file: file, result) }
                pending = missingNestedTemplates()
                level += 1
            }
        }

        private func missingNestedTemplates() -> [String] {
            var seen = Set<String>()
            var files: [String] = []
            for parent in nested.keys.sorted() {
                for stack in nested[parent]?.stacks ?? [] {
                    let childKey = key(stack.templatePath)
                    if results[childKey] == nil, seen.insert(childKey).inserted { files.append(stack.templatePath) }
                }
            }
            return files
        }

        /// The keys of templates some other template nests.
        var nestedKeys: Set<String> {
            var keys = Set<String>()
            for (parent, references) in nested {
                for stack in references.stacks where key(stack.templatePath) != parent { keys.insert(key(stack.templatePath)) }
            }
            return keys
        }
    }

    /// The depth-first walk that lays the stacks out in report order.
    private struct Walk {
        let templates: LoadedTemplates
        var stacks: [Stack] = []
        var visited = Set<String>()
        private var visits: [String: Int] = [:]

        init(templates: LoadedTemplates) { self.templates = templates }

        mutating func visit(_ key: String, parent: Int?, resource: String?, chain: [String]) {
            guard let loaded = templates.results[key], let file = templates.files[key] else { return }
            visited.insert(key)
            visits[key, default: 0] += 1
            // A nested template that does not load is reported once, however many parents deploy it.
            if case .failure = loaded, visits[key, default: 0] > 1 { return }
            let index = stacks.count
            stacks.append(Stack(file: file, loaded: loaded, parent: parent, resource: resource))
            guard case .success(let template) = loaded, let references = templates.nested[key] else { return }
            stacks[index].nestingProblems = references.problems
            let chain = chain + [key]
            for nested in references.stacks {
                let childKey = templates.key(nested.templatePath)
                if chain.contains(childKey) {
                    stacks[index].nestingProblems.append(LoadDiagnostic(
                        "nested stack \(nested.logicalId) deploys \(nested.templatePath), which is already one of its parent stacks; not followed",
                        at: template.location(nested.position), severity: .warning))
                } else if chain.count >= StackForest.maxDepth || visits[childKey, default: 0] >= StackForest.maxStacksPerTemplate {
                    stacks[index].nestingProblems.append(LoadDiagnostic(
                        "nested stack \(nested.logicalId) is not followed: nesting deeper than \(StackForest.maxDepth) levels, or a template deployed more than \(StackForest.maxStacksPerTemplate) times",
                        at: template.location(nested.position), severity: .warning))
                } else {
                    visit(childKey, parent: index, resource: nested.logicalId, chain: chain)
                }
            }
        }
    }
}
