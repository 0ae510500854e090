/// The AWS Backup selections of a template (`AWS::Backup::BackupSelection`), read once per template, and
/// whether one of them assigns a resource to a backup plan: the EBS, RDS, DynamoDB and EFS backup checks.
///
/// cdk-nag decides by text: a selection's `Resources` item, written as JSON, contains the resource's logical
/// id not followed by a word character (`Ref`, `Fn::GetAtt`, `Fn::Sub` and `Fn::Join` built ARNs all do),
/// or, for a table, `table/<TableName>`. nag keeps that test, so every selection cdk-nag counts counts here
/// too, and reads a selection as AWS Backup does beyond it:
/// - a `Resources` list that comes from a parameter, and names compared once both sides are resolved (or,
///   when they cannot be, in their flattened forms: `table/<TableName>` against a `TableName: !Ref TableName`);
/// - wildcard ARNs (`*`, `arn:aws:ec2:*:*:volume/*`) that take every resource of the kind;
/// - `ListOfTags` (any one matching tag assigns the resource) and `Conditions` (all must hold), tested
///   against the resource's tags as written;
/// - `NotResources`, which takes a resource out again.
/// What nag cannot resolve (a selection made by `Fn::If`, a list parameter without a default, a tag value
/// from such a parameter) leaves the answer unknown, unless another selection assigns the resource.
///
/// ```swift
/// context.index(BackupPlans.self).outcome(for: table, as: .dynamoDBTable, in: context)
/// ```
struct BackupPlans: TemplateIndex {
    static let selectionType = "AWS::Backup::BackupSelection"

    /// The kind of resource a check asks about: how ARNs name it, its name and where its tags are.
    struct Target: Sendable {
        /// The service in the resource's ARN (`ec2`).
        var service: String
        /// The ARN's resource part before the name or id (`volume/`).
        var resourcePrefix: String
        /// The property holding the resource's `{Key, Value}` tags.
        var tagsProperty: String
        /// The property holding the name the ARN carries, when the template can set it.
        var nameProperty: String?

        static let ebsVolume = Target(service: "ec2", resourcePrefix: "volume/", tagsProperty: "Tags")
        static let rdsInstance = Target(service: "rds", resourcePrefix: "db:", tagsProperty: "Tags",
                                        nameProperty: "DBInstanceIdentifier")
        static let dynamoDBTable = Target(service: "dynamodb", resourcePrefix: "table/", tagsProperty: "Tags",
                                          nameProperty: "TableName")
        static let efsFileSystem = Target(service: "elasticfilesystem", resourcePrefix: "file-system/",
                                          tagsProperty: "FileSystemTags")
    }

    /// One ARN of a selection's `Resources` or `NotResources`.
    struct Item: Sendable {
        /// The item as cdk-nag sees it (`JSON.stringify`, intrinsics in their long form); nil when the list is
        /// not written as a list, which cdk-nag does not read.
        var cdkNagText: String?
        /// The item resolved to text, or flattened (`arn:aws:ec2:<AWS::Region>:…`) where it cannot be.
        var text: String
        /// Why nothing at all is known of the item (a parameter without a default).
        var unresolved: Unresolved?
    }

    /// One tag test of `ListOfTags` or `Conditions`.
    struct TagTest: Sendable {
        enum Kind: Sendable { case equals, notEquals, like, notLike }
        var kind: Kind
        var key: Scalar
        var value: Scalar
    }

    /// A selection's parts; a part is nil when it is not set (or empty), a failure when nag cannot resolve it.
    struct Selection: Sendable {
        var unresolved: Unresolved?
        var resources: Result<[Item], Unresolved>?
        var notResources: Result<[Item], Unresolved>?
        var listOfTags: Result<[TagTest], Unresolved>?
        var conditions: Result<[TagTest], Unresolved>?
    }

    let selections: [Selection]

    init(context: RuleContext) {
        selections = context.graph.resources(ofType: Self.selectionType).map { Self.read($0, in: context) }
    }

    /// Compliant when some selection assigns `resource` to a backup plan, unknown when one may, else a
    /// violation at the resource.
    func outcome(for resource: Resource, as target: Target, in context: RuleContext) -> RuleOutcome {
        let usesTags = selections.contains { $0.listOfTags != nil || $0.conditions != nil }
        let tags = usesTags ? Self.tags(of: resource, in: target.tagsProperty, context: context) : .success([:])
        // The name resolved, and as written (flattened), to compare with ARNs in either form.
        let names = target.nameProperty.flatMap { resource[property: $0] }.map { written in
            Set([context.resolve(written).string, CdkNagText.flatten(written)].compactMap { $0 }.filter { !$0.isEmpty })
        } ?? []
        let none = Verdict.fails(at: resource.position, "no AWS Backup selection assigns it to a backup plan")
        return Verdict.some(selections, otherwise: none) { selection in
            assigns(selection, resource, as: target, names: names, tags: tags)
        }.outcome
    }

    // MARK: - Deciding

    /// Whether one selection takes the resource: by `Resources` or `ListOfTags` (either; everything when it
    /// has neither), if its `Conditions` all hold and `NotResources` does not name it.
    private func assigns(_ selection: Selection, _ resource: Resource, as target: Target, names: Set<String>,
                         tags: Result<[String: Scalar], Unresolved>) -> Verdict {
        if let why = selection.unresolved { return .undecided(why) }
        let designates = { (items: Result<[Item], Unresolved>) -> Verdict in
            switch items {
            case .failure(let why): return .undecided(why)
            case .success(let items):
                return Verdict.some(items, otherwise: .fails) { item in
                    if Self.designates(item, resource, as: target, names: names) { return .holds }
                    return item.unresolved.map(Verdict.undecided) ?? .fails
                }
            }
        }
        let tested = { (tests: Result<[TagTest], Unresolved>, all: Bool) -> Verdict in
            switch (tests, tags) {
            case (.failure(let why), _), (_, .failure(let why)): return .undecided(why)
            case (.success(let tests), .success(let tags)):
                return all ? Verdict.every(tests) { Self.test($0, tags) }
                           : Verdict.some(tests, otherwise: .fails) { Self.test($0, tags) }
            }
        }
        var chosen: [Verdict] = []
        if let resources = selection.resources { chosen.append(designates(resources)) }
        if let listOfTags = selection.listOfTags { chosen.append(tested(listOfTags, false)) }
        let base = chosen.isEmpty ? Verdict.holds : Verdict.some(chosen, otherwise: .fails) { $0 }
        if base.truth == .fails { return .fails }
        var parts = [base]
        if let conditions = selection.conditions { parts.append(tested(conditions, true)) }
        if let excluded = selection.notResources { parts.append(designates(excluded).negated) }
        return Verdict.every(parts) { $0 }
    }

    /// Whether an ARN names the resource: cdk-nag's tests on its text, the resolved text, the resource's name
    /// after the ARN's resource prefix, or a wildcard for every resource of the kind.
    private static func designates(_ item: Item, _ resource: Resource, as target: Target, names: Set<String>) -> Bool {
        let id = resource.logicalId
        if let text = item.cdkNagText, CdkNagText.containsName(id, in: text, allowingHyphen: true) { return true }
        if CdkNagText.containsName(id, in: item.text, allowingHyphen: true) { return true }
        for name in names {
            let named = target.resourcePrefix + name
            for text in [item.cdkNagText, item.text].compactMap({ $0 }) {
                // `table/<name>` not followed by a word character, `-` or `.`, as cdk-nag tests a table's name.
                if CdkNagText.occurrences(of: named, in: text).contains(where: { $0 == text.endIndex || text[$0] != "." }) {
                    return true
                }
            }
        }
        if item.text == "*" { return true }
        // Placeholders (`<AWS::Region>`) stand for values nag cannot know, which only a written `*` covers;
        // the resource part must be a wildcard for the kind.
        let arn = placeholdersMasked(item.text).split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard arn.count == 6, arn[0] == "arn", arn[2] == target.service else { return false }
        return arn[5] == "*" || arn[5] == target.resourcePrefix + "*"
    }

    /// The text with each `<…>` placeholder replaced by `?`, so that its colons do not split the ARN.
    private static func placeholdersMasked(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var result = ""
        var depth = 0
        for character in text {
            if character == "<" { depth += 1; if depth == 1 { result.append("?") } }
            else if character == ">", depth > 0 { depth -= 1 }
            else if depth == 0 { result.append(character) }
        }
        return result
    }

    private static func test(_ test: TagTest, _ tags: [String: Scalar]) -> Verdict {
        if let why = test.key.unresolved ?? test.value.unresolved { return .undecided(why) }
        guard let written = test.key.text, let wanted = test.value.text else { return .fails }
        let key = written.hasPrefix("aws:ResourceTag/") ? String(written.dropFirst("aws:ResourceTag/".count)) : written
        let tag = tags[key]
        if let why = tag?.unresolved { return .undecided(why) }
        let value = tag?.text
        switch test.kind {
        case .equals: return .from(value == wanted)
        case .notEquals: return .from(value != wanted)
        case .like: return .from(value.map { glob(wanted, matches: $0) } ?? false)
        case .notLike: return .from(!(value.map { glob(wanted, matches: $0) } ?? false))
        }
    }

    /// `*` matches any run of characters, `?` any one character.
    private static func glob(_ pattern: String, matches text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var (i, j, star, mark) = (0, 0, -1, 0)
        while j < t.count {
            if i < p.count, p[i] == "?" || p[i] == t[j] { i += 1; j += 1 }
            else if i < p.count, p[i] == "*" { star = i; mark = j; i += 1 }
            else if star >= 0 { i = star + 1; mark += 1; j = mark }
            else { return false }
        }
        while i < p.count, p[i] == "*" { i += 1 }
        return i == p.count
    }

    // MARK: - Reading

    private static func read(_ selection: Resource, in context: RuleContext) -> Selection {
        let block = context.resolve(selection, "BackupSelection")
        if let why = block.unresolved { return Selection(unresolved: why) }
        // Without a selection block (an invalid template) the selection takes nothing.
        guard let fields = block.map else { return Selection(resources: .success([])) }
        return Selection(resources: items(fields["Resources"], in: context),
                         notResources: items(fields["NotResources"], in: context),
                         listOfTags: listOfTags(fields["ListOfTags"], in: context),
                         conditions: conditions(fields["Conditions"], in: context))
    }

    private static func items(_ value: Value?, in context: RuleContext) -> Result<[Item], Unresolved>? {
        guard let value else { return nil }
        let sources: [Value]
        switch context.resolve(value) {
        case .absent: return nil
        case .unknown(let why): return .failure(why)
        // The items as written when the list is (cdk-nag reads those), else the items it resolves to.
        case .value(let resolved): sources = value.listValue ?? resolved.listValue ?? [resolved]
        case .resource: sources = [value]
        }
        let written = value.listValue != nil
        let items = sources.compactMap { source -> Item? in
            let resolved = context.resolve(source)
            if resolved.isAbsent { return nil }
            let flattened = CdkNagText.flatten(source)
            let opaque = resolved.isUnknown && !flattened.contains(":")
            return Item(cdkNagText: written ? CdkNagText.stringify(source) : nil,
                        text: resolved.string ?? flattened, unresolved: opaque ? resolved.unresolved : nil)
        }
        return items.isEmpty ? nil : .success(items)
    }

    private static func listOfTags(_ value: Value?, in context: RuleContext) -> Result<[TagTest], Unresolved>? {
        guard let maps = PropertyLookup.maps(value, in: context) else { return nil }
        // ListOfTags knows only STRINGEQUALS.
        return maps.map { maps in
            maps.map { TagTest(kind: .equals, key: Scalar($0["ConditionKey"], in: context), value: Scalar($0["ConditionValue"], in: context)) }
        }.emptyAsNil
    }

    private static func conditions(_ value: Value?, in context: RuleContext) -> Result<[TagTest], Unresolved>? {
        guard value != nil else { return nil }
        let resolved = context.resolve(value)
        if let why = resolved.unresolved { return .failure(why) }
        guard let operators = resolved.map else { return nil }
        var tests: [TagTest] = []
        let kinds: [(String, TagTest.Kind)] = [("StringEquals", .equals), ("StringNotEquals", .notEquals),
                                               ("StringLike", .like), ("StringNotLike", .notLike)]
        for (name, kind) in kinds {
            switch PropertyLookup.maps(operators[name], in: context) {
            case nil: continue
            case .failure(let why)?: return .failure(why)
            case .success(let maps)?:
                tests += maps.map {
                    TagTest(kind: kind, key: Scalar($0["ConditionKey"], in: context), value: Scalar($0["ConditionValue"], in: context))
                }
            }
        }
        return Result<[TagTest], Unresolved>.success(tests).emptyAsNil
    }

    /// The resource's tags by key (tags whose key nag cannot resolve are passed over).
    private static func tags(of resource: Resource, in property: String, context: RuleContext) -> Result<[String: Scalar], Unresolved> {
        switch PropertyLookup.maps(resource[property: property], in: context) {
        case nil: return .success([:])
        case .failure(let why)?: return .failure(why)
        case .success(let maps)?:
            var tags: [String: Scalar] = [:]
            for map in maps {
                if let key = context.resolve(map["Key"]).string, tags[key] == nil {
                    tags[key] = Scalar(map["Value"], in: context)
                }
            }
            return .success(tags)
        }
    }
}

private extension Result where Success == [BackupPlans.TagTest] {
    /// nil for an empty list of tests, which selects nothing and restricts nothing.
    var emptyAsNil: Self? {
        if case .success(let tests) = self, tests.isEmpty { return nil }
        return self
    }
}
