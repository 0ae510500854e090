/// AwsSolutions-EVB1: an event bus policy does not open the bus to every principal without a condition.
struct EventBusOpenAccess: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Events::EventBusPolicy"],
        cause: "The event bus policy allows access to every principal without a condition.",
        explanation: "A `*` principal with no condition lets any AWS account put events on the bus. A condition (for example, membership of your AWS organization) limits it to the accounts that should send events.",
        fix: "Name the accounts as principals, or add a condition: Condition {Type, Key, Value} with Principal *, or a Condition in the Statement.",
        examples: [
            .compliant("""
            Resources:
              Org:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: org
                  Action: events:PutEvents
                  Principal: "*"
                  Condition:
                    Type: StringEquals
                    Key: aws:PrincipalOrgID
                    Value: o-abc123
            """),
            .nonCompliant("""
            Resources:
              Open:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: open
                  Action: events:PutEvents
                  ↓Principal: "*"
            """),
            .nonCompliant("""
            Resources:
              Open:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: open
                  ↓Statement:
                    Effect: Allow
                    Principal: {AWS: ["*"]}
                    Action: events:PutEvents
                    Resource: "*"
            """),
            .compliant("""
            Parameters:
              Account:
                Type: String
                Default: "123456789012"
            Resources:
              Partner:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: partner
                  Action: events:PutEvents
                  Principal: !Ref Account
            """),
            .unknown("""
            Parameters:
              Account:
                Type: String
            Resources:
              Partner:
                Type: AWS::Events::EventBusPolicy
                Properties:
                  StatementId: partner
                  Action: events:PutEvents
                  Principal: ↓!Ref Account
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let principal = context.resolve(resource, "Principal")
        if let why = principal.unresolved { return .unknown(why) }
        if principal.string == "*" {
            let condition = context.resolve(resource, "Condition").map
            if ["Key", "Type", "Value"].contains(where: { condition?[$0] == nil }) {
                return .violation(at: resource.position(ofProperty: "Principal"))
            }
        }
        let written = context.resolve(resource, "Statement")
        if let why = written.unresolved { return .unknown(why) }
        if let statement = written.map.map({ PolicyStatement($0, reading: .strict) }),
           statement.effect(in: context).string == "Allow", statement.principalIsEveryone(in: context) {
            let condition = statement.read("Condition", in: context)
            if condition.isAbsent || condition.map?.isEmpty == true {
                return .violation(at: resource.position(ofProperty: "Statement"))
            }
        }
        return .compliant
    }
}
