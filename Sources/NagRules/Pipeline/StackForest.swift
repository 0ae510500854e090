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
        var inputs: [Int] = []
        for (source, result) in zip(sources, results) where !TemplateLoader.isSkipped(source, result) {
            let key = source.bytes == nil || source.standsForFile ? templates.key(source.name) : "-\(inputs.count)"
            inputs.append(templates.add(key: key, file: source.name, result))
        }
        templates.loadNestedTemplates()
        var walk = Walk(templates: templates)
        let claimed = templates.nestedByAnother
        for input in inputs where !claimed[input] { walk.visit(input, parent: nil, resource: nil, chain: []) }
        // Inputs only reachable through a cycle of nested stacks: each is checked on its own.
        for input in inputs where !walk.wasVisited(input) { walk.visit(input, parent: nil, resource: nil, chain: []) }
        return StackForest(stacks: walk.stacks)
    }

    /// Every loaded template, in the order loaded, with the nested stacks each one names. A template is found
    /// by its key once, when it is added or named as a nested stack; after that the walk works with indexes
    /// (keys are paths: hashing them for every step of the walk cost as much as a tenth of the run's serial work).
    private struct LoadedTemplates {
        struct Loaded {
            let key: String
            let file: String
            let result: Result<Template, LoadDiagnostic>
            var nested: (stacks: [NestedStack], problems: [LoadDiagnostic])?
        }

        let loader: TemplateLoader
        private(set) var entries: [Loaded] = []
        private var indexByKey: [String: Int] = [:]
        private var assets: [String: AssetIndex] = [:]

        init(loader: TemplateLoader) { self.loader = loader }

        /// Files named differently (`./a.yaml`, `a.yaml`) are one template.
        func key(_ file: String) -> String {
            NestedStack.join("", file)
        }

        /// Where the template of `key` is in ``entries``, nil when none was loaded under it.
        func index(of key: String) -> Int? { indexByKey[key] }

        /// Adds a template under `key`, unless one is there already (the first stays); returns its index.
        @discardableResult
        mutating func add(key: String, file: String, _ result: Result<Template, LoadDiagnostic>) -> Int {
            if let existing = indexByKey.updateValue(entries.count, forKey: key) {
                indexByKey[key] = existing
                return existing
            }
            var loaded = Loaded(key: key, file: file, result: result)
            if case .success(let template) = result, NestedStack.hasNestedStacks(template) {
                let directory = (file as NSString).deletingLastPathComponent
                if assets[directory] == nil { assets[directory] = AssetIndex.read(directory: directory, loader: loader) }
                loaded.nested = NestedStack.references(in: template, file: file, assets: assets[directory] ?? AssetIndex())
            }
            entries.append(loaded)
            return entries.count - 1
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

        /// The templates that nest others, ordered by key (so nested templates load in the same order
        /// whatever the order of the inputs).
        private var parents: [Loaded] {
            entries.filter { $0.nested != nil }.sorted { $0.key < $1.key }
        }

        private func missingNestedTemplates() -> [String] {
            var seen = Set<String>()
            var files: [String] = []
            for parent in parents {
                for stack in parent.nested?.stacks ?? [] {
                    let childKey = key(stack.templatePath)
                    if indexByKey[childKey] == nil, seen.insert(childKey).inserted { files.append(stack.templatePath) }
                }
            }
            return files
        }

        /// For each template (by index), whether some other template nests it.
        var nestedByAnother: [Bool] {
            var nested = [Bool](repeating: false, count: entries.count)
            for parent in parents {
                for stack in parent.nested?.stacks ?? [] {
                    let childKey = key(stack.templatePath)
                    if childKey != parent.key, let child = indexByKey[childKey] { nested[child] = true }
                }
            }
            return nested
        }
    }

    /// The depth-first walk that lays the stacks out in report order.
    private struct Walk {
        let templates: LoadedTemplates
        var stacks: [Stack] = []
        /// How many times each template (by index) was visited.
        private var visits: [Int]

        init(templates: LoadedTemplates) {
            self.templates = templates
            visits = [Int](repeating: 0, count: templates.entries.count)
        }

        func wasVisited(_ template: Int) -> Bool { visits[template] > 0 }

        mutating func visit(_ template: Int, parent: Int?, resource: String?, chain: [Int]) {
            let loaded = templates.entries[template]
            visits[template] += 1
            // A nested template that does not load is reported once, however many parents deploy it.
            if case .failure = loaded.result, visits[template] > 1 { return }
            let index = stacks.count
            stacks.append(Stack(file: loaded.file, loaded: loaded.result, parent: parent, resource: resource))
            guard case .success(let parsed) = loaded.result, let references = loaded.nested else { return }
            stacks[index].nestingProblems = references.problems
            let chain = chain + [template]
            for nested in references.stacks {
                let child = templates.index(of: templates.key(nested.templatePath))
                if let child, chain.contains(child) {
                    stacks[index].nestingProblems.append(LoadDiagnostic(
                        "nested stack \(nested.logicalId) deploys \(nested.templatePath), which is already one of its parent stacks; not followed",
                        at: parsed.location(nested.position), severity: .warning))
                } else if chain.count >= StackForest.maxDepth || (child.map { visits[$0] } ?? 0) >= StackForest.maxStacksPerTemplate {
                    stacks[index].nestingProblems.append(LoadDiagnostic(
                        "nested stack \(nested.logicalId) is not followed: nesting deeper than \(StackForest.maxDepth) levels, or a template deployed more than \(StackForest.maxStacksPerTemplate) times",
                        at: parsed.location(nested.position), severity: .warning))
                } else if let child {
                    visit(child, parent: index, resource: nested.logicalId, chain: chain)
                }
            }
        }
    }
}
