/// Lookups shared by SQS4 and SNS3: the queue or topic policies that name a resource, and whether one of
/// them denies requests made without TLS.
enum SecureTransportPolicies {
    /// Whether the queue or topic policy's document has the statement that refuses plain HTTP for `actions`.
    /// The document (a map, or JSON text) is read strictly: one that cannot be fully resolved does not count.
    static func deniesRequestsWithoutTLS(_ policy: Resource, forAnyOf actions: Set<String>, in context: RuleContext) -> Bool {
        let written = policy[property: "PolicyDocument"]
        guard case .success(let document?) = PolicyDocument.read(written, reading: .strict, in: context) else { return false }
        return document.deniesRequestsWithoutTLS(forAnyOf: actions, in: context)
    }
}

/// A policy resource type that lists the resources it applies to in one property.
protocol TargetedPolicy {
    static var type: String { get }
    /// The property listing the resources: Ref / GetAtt to them, or their URL or ARN as text.
    static var targetsProperty: String { get }
}

/// `AWS::SQS::QueuePolicy`, which lists its queues in `Queues`.
enum QueuePolicy: TargetedPolicy {
    static let type = SQSQueues.policyType
    static let targetsProperty = "Queues"
}

/// `AWS::SNS::TopicPolicy`, which lists its topics in `Topics`.
enum TopicPolicy: TargetedPolicy {
    static let type = SNSTopicSSLPublishOnly.policyType
    static let targetsProperty = "Topics"
}

/// The template's policies of one type, indexed once by the resources they list, so that finding a queue's
/// or topic's policies is a few lookups rather than a scan of every policy per resource.
///
/// A policy names a resource (as cdk-nag matches it) when a listed item links to it through Ref / GetAtt,
/// or is a literal equal to its logical id or ending with its name (a queue URL, a topic ARN).
struct PoliciesByTarget<Policy: TargetedPolicy>: TemplateIndex {
    private let policies: [Resource]
    /// Offsets of the policies by the logical id an item links to, and by each literal item's text.
    private let byIdOrText: [String: [Int]]
    /// Every literal item's text, with the offset of its policy.
    private let literals: [(text: String, policy: Int)]
    /// Indexes into `literals` by every suffix of a text (texts longer than `maxIndexedLength` excepted).
    private let bySuffix: [Substring: [Int]]
    /// Indexes into `literals` of the texts too long to index by suffix, searched directly.
    private let unindexed: [Int]
    private static var maxIndexedLength: Int { 256 }

    init(context: RuleContext) {
        policies = context.graph.resources(ofType: Policy.type)
        var byIdOrText: [String: [Int]] = [:]
        var literals: [(text: String, policy: Int)] = []
        for (offset, policy) in policies.enumerated() {
            for item in PolicyReading.writtenItems(policy[property: Policy.targetsProperty]) {
                switch context.resolve(item) {
                case .resource(let link): byIdOrText[link.logicalId, default: []].append(offset)
                case .value(let v):
                    guard let text = v.scalarText else { continue }
                    byIdOrText[text, default: []].append(offset)
                    literals.append((text, offset))
                case .absent, .unknown: continue
                }
            }
        }
        var bySuffix: [Substring: [Int]] = [:]
        var unindexed: [Int] = []
        for (index, literal) in literals.enumerated() {
            let text = literal.text
            guard text.count <= Self.maxIndexedLength else { unindexed.append(index); continue }
            for start in text.indices { bySuffix[text[start...], default: []].append(index) }
            bySuffix[text[text.endIndex...], default: []].append(index)
        }
        self.byIdOrText = byIdOrText
        self.literals = literals
        self.bySuffix = bySuffix
        self.unindexed = unindexed
    }

    /// The policies that name `resource`, whose declared name (`QueueName`, `TopicName`) is `name`, in
    /// document order.
    func policies(naming resource: Resource, name: String?) -> [Resource] {
        var offsets = Set(byIdOrText[resource.logicalId] ?? [])
        if let name {
            // The suffix index finds every text that may end with the name; `hasSuffix` decides, as before.
            for index in (bySuffix[name[...]] ?? []) + unindexed where literals[index].text.hasSuffix(name) {
                offsets.insert(literals[index].policy)
            }
        }
        return offsets.sorted().map { policies[$0] }
    }
}
