/// WAFv2 web ACLs have a logging configuration in the template.
struct WAFv2LoggingEnabled: Check {
    static let webACLType = "AWS::WAFv2::WebACL"
    static let loggingType = "AWS::WAFv2::LoggingConfiguration"

    let about = CheckAbout(
        resourceTypes: [Self.webACLType],
        cause: "The WAFv2 web ACL does not log the requests it inspects.",
        explanation: """
        Web ACL logs record each request the ACL inspects, the rule that matched it and the action taken. \
        Without them, attacks the ACL blocked or let through cannot be investigated, and rules that block \
        legitimate traffic are hard to find. Logging is its own resource, AWS::WAFv2::LoggingConfiguration, \
        whose ResourceArn names the web ACL: by reference (!GetAtt Acl.Arn), or by an ARN that contains \
        webacl/<the ACL's Name>.
        """,
        fix: "Add an AWS::WAFv2::LoggingConfiguration with ResourceArn: !GetAtt <the web ACL>.Arn and LogDestinationConfigs naming a CloudWatch Logs group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-.",
        examples: [
            .compliant("""
            Resources:
              Acl:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Scope: REGIONAL
                  DefaultAction: {Allow: {}}
                  VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web}
              Logging:
                Type: AWS::WAFv2::LoggingConfiguration
                Properties:
                  ResourceArn: !GetAtt Acl.Arn
                  LogDestinationConfigs: [arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web]
            """),
            .compliant("""
            Parameters:
              AclName:
                Type: String
                Default: web
            Resources:
              Acl:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Name: !Ref AclName
                  Scope: REGIONAL
                  DefaultAction: {Allow: {}}
                  VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web}
              Logging:
                Type: AWS::WAFv2::LoggingConfiguration
                Properties:
                  ResourceArn: !Sub "arn:${AWS::Partition}:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/${AclName}/1"
                  LogDestinationConfigs: [arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web]
            """),
            .nonCompliant("""
            Resources:
              ↓Acl:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Name: web
                  Scope: REGIONAL
                  DefaultAction: {Allow: {}}
                  VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web}
              Logging:
                Type: AWS::WAFv2::LoggingConfiguration
                Properties:
                  ResourceArn: arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web-admin/1
                  LogDestinationConfigs: [arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-web]
            """),
            .nonCompliant("""
            Resources:
              ↓Acl:
                Type: AWS::WAFv2::WebACL
                Properties:
                  Scope: CLOUDFRONT
                  DefaultAction: {Block: {}}
                  VisibilityConfig: {SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: web}
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let logging = context.index(LoggingIndex.self)
        if logging.referencedIds.contains(resource.logicalId) { return .compliant }
        if let name = resource.properties["Name"] {
            let names = [context.resolve(name).string, CdkNagText.flatten(name)].compactMap { $0 }
            if names.contains(where: logging.names.contains) { return .compliant }
        }
        return .violation(at: resource.position, "no AWS::WAFv2::LoggingConfiguration names this web ACL")
    }

    /// The web ACLs the template's logging configurations name: by reference in ResourceArn, and by the
    /// name written after `webacl/` in the ARN (resolved, or as cdk-nag flattens it: `webacl/<AclName>`).
    struct LoggingIndex: TemplateIndex {
        var referencedIds: Set<String> = []
        var names: Set<String> = []

        init(context: RuleContext) {
            for configuration in context.graph.resources(ofType: WAFv2LoggingEnabled.loggingType) {
                let linked = context.graph.resources(referencedBy: configuration, at: ["Properties", "ResourceArn"])
                referencedIds.formUnion(linked.map(\.resource.logicalId))
                guard let arn = configuration.properties["ResourceArn"] else { continue }
                for text in [context.resolve(arn).string, CdkNagText.flatten(arn)].compactMap({ $0 }) {
                    names.formUnion(Self.webACLNames(in: text))
                }
            }
        }

        /// The names after each `webacl/` in `text`: the longest run of name characters (letters, digits,
        /// `_`, `-`, `.`, and the `<`, `>`, `:` of a flattened reference).
        static func webACLNames(in text: String) -> [String] {
            text.ranges(of: "webacl/").map { range in
                String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || "_-.<>:".contains($0) })
            }.filter { !$0.isEmpty }
        }
    }
}
