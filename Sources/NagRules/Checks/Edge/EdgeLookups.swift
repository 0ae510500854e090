/// Graph lookups shared by the Edge rules: who sends logs to a bucket, which distribution uses a load
/// balancer as its origin, and a load balancer's listeners and rules.
enum EdgeLookups {
    static let distributionType = "AWS::CloudFront::Distribution"
    static let loadBalancerType = LoadBalancersV2.loadBalancerType
    static let classicLoadBalancerType = "AWS::ElasticLoadBalancing::LoadBalancer"
    static let listenerType = LoadBalancersV2.listenerType
    static let listenerRuleType = "AWS::ElasticLoadBalancingV2::ListenerRule"
    static let flowLogType = "AWS::EC2::FlowLog"

    // MARK: Log delivery

    /// A resource that delivers logs to a bucket, and where it names the bucket.
    struct LogSource: Sendable {
        enum Kind: Sendable { case distribution, loadBalancer, bucket, flowLog }
        var resource: Resource
        var kind: Kind
        /// The value naming the bucket (a domain name, a bucket name or an ARN).
        var value: Value

        var label: String {
            switch kind {
            case .distribution: "CloudFront distribution \(resource.logicalId)"
            case .loadBalancer: "load balancer \(resource.logicalId)"
            case .bucket: "bucket \(resource.logicalId)"
            case .flowLog: "VPC flow log \(resource.logicalId)"
            }
        }
    }

    /// Every place in the template that names a log destination bucket.
    static func logSources(in context: RuleContext) -> [LogSource] {
        var sources: [LogSource] = []
        let graph = context.graph
        for distribution in graph.resources(ofType: distributionType) {
            if let value = context.resolve(distribution, "DistributionConfig", "Logging").map?["Bucket"] {
                sources.append(LogSource(resource: distribution, kind: .distribution, value: value))
            }
        }
        for balancer in graph.resources(ofType: loadBalancerType) {
            if let value = attribute("access_logs.s3.bucket", of: balancer, in: context) {
                sources.append(LogSource(resource: balancer, kind: .loadBalancer, value: value))
            }
        }
        for balancer in graph.resources(ofType: classicLoadBalancerType) {
            if let value = context.resolve(balancer, "AccessLoggingPolicy").map?["S3BucketName"] {
                sources.append(LogSource(resource: balancer, kind: .loadBalancer, value: value))
            }
        }
        for bucket in graph.resources(ofType: S3Buckets.bucketType) {
            if let value = context.resolve(bucket, "LoggingConfiguration").map?["DestinationBucketName"] {
                sources.append(LogSource(resource: bucket, kind: .bucket, value: value))
            }
        }
        for flowLog in graph.resources(ofType: flowLogType) {
            let destinationType = context.resolve(flowLog, "LogDestinationType").string
            if destinationType == "s3", let value = flowLog.properties["LogDestination"] {
                sources.append(LogSource(resource: flowLog, kind: .flowLog, value: value))
            }
        }
        return sources
    }

    /// Log sources indexed by the logical id they refer to and by the literal bucket name they write.
    struct LogIndex: TemplateIndex {
        var byLogicalId: [String: [LogSource]] = [:]
        var byName: [String: [LogSource]] = [:]

        init(context: RuleContext) {
            for source in EdgeLookups.logSources(in: context) {
                for id in EdgeLookups.referencedResources(in: source.value) { byLogicalId[id, default: []].append(source) }
                if let text = context.resolve(source.value).string {
                    byName[EdgeLookups.bucketName(in: text), default: []].append(source)
                }
            }
        }
    }

    static func logIndex(in context: RuleContext) -> LogIndex {
        context.index(LogIndex.self)
    }

    /// The log sources that deliver to `bucket`, following Ref, GetAtt (Arn, DomainName …), Sub, or a
    /// literal name, domain name or ARN that matches the bucket's literal `BucketName`.
    static func logSources(for bucket: Resource, in context: RuleContext) -> [LogSource] {
        let index = logIndex(in: context)
        var sources = index.byLogicalId[bucket.logicalId, default: []]
        if let name = context.resolve(bucket, "BucketName").string {
            sources += index.byName[name, default: []].filter { candidate in
                !sources.contains { $0.resource.logicalId == candidate.resource.logicalId }
            }
        }
        return sources
    }

    /// Logical ids a value refers to through Ref, GetAtt or Sub, anywhere inside it.
    static func referencedResources(in value: Value) -> Set<String> {
        var ids = Set<String>()
        func visit(_ v: Value) {
            switch v.kind {
            case .intrinsic(let f):
                if let target = f.refTarget { ids.insert(target) }
                if let (resource, _) = f.getAttTarget { ids.insert(resource) }
                if f.name == .sub {
                    let text = f.argument.stringValue ?? f.arguments.first?.stringValue ?? ""
                    ids.formUnion(SubTemplate(parsing: text).referencedNames)
                }
                visit(f.argument)
            case .list(let items): items.forEach(visit)
            case .map(let map): map.entries.forEach { visit($0.value) }
            default: break
            }
        }
        visit(value)
        return ids
    }

    /// The bucket name inside `my-logs`, `my-logs.s3.amazonaws.com`, `arn:aws:s3:::my-logs/prefix`.
    static func bucketName(in text: String) -> String {
        var name = Substring(text)
        if let arn = name.firstRange(of: ":::") { name = name[arn.upperBound...] }
        if let slash = name.firstIndex(of: "/") { name = name[..<slash] }
        if let s3 = name.firstRange(of: ".s3") { name = name[..<s3.lowerBound] }
        return String(name)
    }

    // MARK: Load balancers

    /// The value, as written, of the `LoadBalancerAttributes` entry with `key`.
    static func attribute(_ key: String, of balancer: Resource, in context: RuleContext) -> Value? {
        guard let items = context.resolve(balancer, "LoadBalancerAttributes").list else { return nil }
        return SettingsList.keyValue.value(named: key, in: items.map { context.resolve($0) }, context: context)
    }

    /// Whether a load balancer is an application load balancer (`Type` absent means application).
    static func isApplication(_ balancer: Resource, in context: RuleContext) -> Resolved {
        let type = context.resolve(balancer, "Type")
        switch type {
        case .absent: return .value(Value(.bool(true), at: balancer.position))
        case .unknown: return type
        default: return .value(Value(.bool(type.string == "application"), at: balancer.position))
        }
    }

    /// The listeners attached to a load balancer.
    static func listeners(of balancer: Resource, in context: RuleContext) -> [Resource] {
        context.graph.resources(referencing: balancer, ofType: listenerType, at: ["Properties", "LoadBalancerArn"]).map(\.resource)
    }

    /// The listener rules attached to a listener.
    static func rules(of listener: Resource, in context: RuleContext) -> [Resource] {
        context.graph.resources(referencing: listener, ofType: listenerRuleType, at: ["Properties", "ListenerArn"]).map(\.resource)
    }

    // MARK: CloudFront origins

    /// A distribution's origin whose domain name is a load balancer's DNS name.
    struct Origin {
        var distribution: Resource
        /// The origin map (Id, DomainName, OriginCustomHeaders …).
        var origin: ValueMap
        var position: Position
    }

    /// The origins, in any distribution, whose `DomainName` resolves to `balancer`'s DNSName
    /// (`!GetAtt Alb.DNSName` or a `Sub` of `${Alb.DNSName}`).
    static func origins(pointingAt balancer: Resource, in context: RuleContext) -> [Origin] {
        var result: [Origin] = []
        for (distribution, _) in context.graph.resources(referencing: balancer, ofType: distributionType) {
            guard let origins = context.resolve(distribution, "DistributionConfig", "Origins").list else { continue }
            for item in origins {
                guard let origin = context.resolve(item).map, let domain = origin["DomainName"] else { continue }
                if pointsAt(domain, balancer: balancer.logicalId, in: context) {
                    result.append(Origin(distribution: distribution, origin: origin, position: item.position))
                }
            }
        }
        return result
    }

    private static func pointsAt(_ domain: Value, balancer: String, in context: RuleContext) -> Bool {
        if let link = context.resolve(domain).resourceLink {
            return link.logicalId == balancer && link.attribute == "DNSName"
        }
        guard let sub = domain.intrinsicValue, sub.name == .sub else { return false }
        let text = sub.argument.stringValue ?? sub.arguments.first?.stringValue ?? ""
        return SubTemplate(parsing: text).parts.contains { $0 == .reference(name: balancer, attribute: "DNSName") }
    }
}
