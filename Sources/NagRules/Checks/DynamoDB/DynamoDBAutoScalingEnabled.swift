/// A table with provisioned capacity has Application Auto Scaling targets for its read and write capacity,
/// and for those of each global secondary index.
///
/// As in cdk-nag, a scalable target belongs to the table when its `ResourceId` mentions the table's logical
/// id or name (and, for an index, `index/<IndexName>` after it); nag reads the id resolved, or flattened
/// when it is known only once deployed.
struct DynamoDBAutoScalingEnabled: Check {
    static let tableType = "AWS::DynamoDB::Table"
    static let scalableTargetType = "AWS::ApplicationAutoScaling::ScalableTarget"

    let about = CheckAbout(
        resourceTypes: [Self.tableType],
        cause: "The provisioned DynamoDB table does not scale its read and write capacity automatically.",
        explanation: "With fixed provisioned capacity, a burst of traffic above it is throttled and fails, while capacity above the traffic is paid for and unused. Application Auto Scaling follows the load, for the table and for each global secondary index, whose capacity is provisioned separately. On-demand tables (PAY_PER_REQUEST) scale by themselves and are not checked.",
        fix: "Add AWS::ApplicationAutoScaling::ScalableTarget resources (ServiceNamespace dynamodb, ScalableDimension dynamodb:table:ReadCapacityUnits and …WriteCapacityUnits, and dynamodb:index:… for each index, ResourceId table/<name>[/index/<index>]) with target tracking policies, or set BillingMode to PAY_PER_REQUEST.",
        examples: [
            .compliant("""
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              OrdersRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:ReadCapacityUnits
                  ResourceId: !Sub table/${Orders}
                  MinCapacity: 5
                  MaxCapacity: 100
              OrdersWrite:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:WriteCapacityUnits
                  ResourceId: !Join ["", [table/, !Ref Orders]]
                  MinCapacity: 5
                  MaxCapacity: 100
            """),
            .compliant("""
            Resources:
              Sessions:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """),
            .nonCompliant("""
            Resources:
              ↓Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
            """),
            .nonCompliant("""
            Resources:
              ↓Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}, {AttributeName: customer, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                  GlobalSecondaryIndexes:
                    - IndexName: by-customer
                      KeySchema: [{AttributeName: customer, KeyType: HASH}]
                      Projection: {ProjectionType: ALL}
                      ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              OrdersRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:ReadCapacityUnits
                  ResourceId: table/orders
                  MinCapacity: 5
                  MaxCapacity: 100
              OrdersWrite:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:WriteCapacityUnits
                  ResourceId: table/orders
                  MinCapacity: 5
                  MaxCapacity: 100
              IndexRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:index:ReadCapacityUnits
                  ResourceId: table/orders/index/by-customer
                  MinCapacity: 5
                  MaxCapacity: 100
            """),
            .nonCompliant("""
            Parameters:
              Billing:
                Type: String
                Default: PROVISIONED
            Resources:
              ↓Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: !Ref Billing
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
            """),
            .unknown("""
            Parameters:
              Billing:
                Type: String
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: ↓!Ref Billing
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """),
            .unknown("""
            Parameters:
              Dimension:
                Type: String
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              OrdersRead:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: dynamodb:table:ReadCapacityUnits
                  ResourceId: !Sub table/${Orders}
                  MinCapacity: 5
                  MaxCapacity: 100
              OrdersWrite:
                Type: AWS::ApplicationAutoScaling::ScalableTarget
                Properties:
                  ServiceNamespace: dynamodb
                  ScalableDimension: ↓!Ref Dimension
                  ResourceId: !Sub table/${Orders}
                  MinCapacity: 5
                  MaxCapacity: 100
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let billing = Scalar(resource, "BillingMode", in: context)
        if billing.text == "PAY_PER_REQUEST" { return .compliant }
        let targets = context.index(ScalableTargets.self).targets
        let keys = [resource.logicalId] + Self.texts(of: resource[property: "TableName"], in: context)
        var capacities = [Capacity(index: nil, capacity: "WriteCapacityUnits"),
                          Capacity(index: nil, capacity: "ReadCapacityUnits")]
        var undecided: Unresolved?
        switch PropertyLookup.items(resource[property: "GlobalSecondaryIndexes"], in: context) {
        case nil: break
        case .failure(let why)?: undecided = why
        case .success(let items)?:
            for item in items {
                if let why = item.unresolved { undecided = undecided ?? why; continue }
                guard let index = item.map, let written = index["IndexName"] else { continue }
                let name = IndexName(texts: Self.texts(of: written, in: context), unresolved: context.resolve(written).unresolved)
                capacities += [Capacity(index: name, capacity: "WriteCapacityUnits"),
                               Capacity(index: name, capacity: "ReadCapacityUnits")]
            }
        }
        var missing: [String] = []
        for capacity in capacities {
            if targets.contains(where: { $0.dimension == capacity.dimension && capacity.isMet(by: $0.texts, keys: keys) }) { continue }
            let maybe = targets.first { $0.unresolved != nil && capacity.isMet(by: $0.texts, keys: keys) }
            if let why = maybe?.unresolved ?? capacity.index?.unresolved {
                undecided = undecided ?? why
                continue
            }
            missing.append(capacity.description)
        }
        if !missing.isEmpty {
            if let why = billing.unresolved { return .unknown(why) }
            return .violation(at: resource.position, "no scalable target for \(missing.joined(separator: ", "))")
        }
        return undecided.map(RuleOutcome.unknown) ?? .compliant
    }

    /// A value as text: resolved where the template decides it, and as cdk-nag flattens it.
    static func texts(of value: Value?, in context: RuleContext) -> [String] {
        guard let value else { return [] }
        var texts: [String] = []
        for text in [context.resolve(value).string, CdkNagText.flatten(value)] {
            if let text, !text.isEmpty, !texts.contains(text) { texts.append(text) }
        }
        return texts
    }

    /// A global secondary index's name, as text.
    struct IndexName {
        var texts: [String]
        var unresolved: Unresolved?
    }

    /// A capacity (`ReadCapacityUnits` or `WriteCapacityUnits`) of the table or of one of its indexes.
    struct Capacity: CustomStringConvertible {
        var index: IndexName?
        var capacity: String

        var dimension: String { "dynamodb:\(index == nil ? "table" : "index"):\(capacity)" }
        var description: String { "\(index.map { "index \($0.texts.first ?? "")" } ?? "the table") \(capacity)" }

        /// Whether a target's resource id (as `texts`) names this table (by one of `keys`) and, for an index,
        /// `index/<name>` after that, not followed by a word character, `-` or `.`.
        func isMet(by texts: [String], keys: [String]) -> Bool {
            texts.contains { (text: String) -> Bool in
                keys.contains { (key: String) -> Bool in
                    guard let found = text.firstRange(of: key) else { return false }
                    guard let index else { return true }
                    let rest = String(text[found.upperBound...])
                    return index.texts.contains { (name: String) -> Bool in
                        CdkNagText.occurrences(of: "index/" + name, in: rest).contains { $0 == rest.endIndex || rest[$0] != "." }
                    }
                }
            }
        }
    }

    /// One DynamoDB scalable target: its dimension and resource id as text, or why nag cannot tell whether it
    /// scales a DynamoDB capacity.
    struct Target: Sendable {
        var dimension: String?
        var texts: [String]
        var unresolved: Unresolved?
    }

    /// The template's scalable targets of the `dynamodb` namespace (and those whose namespace or dimension
    /// nag cannot resolve).
    struct ScalableTargets: TemplateIndex {
        let targets: [Target]

        init(context: RuleContext) {
            targets = context.graph.resources(ofType: DynamoDBAutoScalingEnabled.scalableTargetType).compactMap { target in
                let namespace = Scalar(target, "ServiceNamespace", in: context)
                let dimension = Scalar(target, "ScalableDimension", in: context)
                guard namespace.text == "dynamodb" || namespace.unresolved != nil else { return nil }
                return Target(dimension: dimension.text,
                              texts: DynamoDBAutoScalingEnabled.texts(of: target[property: "ResourceId"], in: context),
                              unresolved: namespace.unresolved ?? dimension.unresolved)
            }
        }
    }
}
