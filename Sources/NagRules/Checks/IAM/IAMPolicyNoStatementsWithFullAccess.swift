/// No policy statement allows every action (`*`) or every action of a service (`s3:*`).
struct IAMPolicyNoStatementsWithFullAccess: Check {
    let about = CheckAbout(
        resourceTypes: IAMPolicies.broadAccessTypes,
        cause: "The IAM policy allows every action of a service.",
        explanation: "An action like s3:* or * grants today's and tomorrow's actions of the service, including deleting data and changing its access policies, where a job usually needs a handful of them. Listing the actions keeps the damage a stolen credential or a bug can do to what was intended.",
        fix: "Replace service:* (or *) with the actions the principal uses, e.g. s3:GetObject and s3:PutObject. Access Analyzer can generate a policy from the actions CloudTrail recorded.",
        examples: [
            .compliant("""
            Resources:
              Reader:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: [s3:GetObject, "s3:List*"]
                        Effect: Allow
                        Resource: "*"
                      - Action: s3:*
                        Effect: Deny
                        Resource: arn:aws:s3:::audit/*
            """),
            .nonCompliant("""
            Resources:
              Writer:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: [dynamodb:GetItem, ↓dynamodb:*]
                        Effect: Allow
                        Resource: !GetAtt Table.Arn
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  BillingMode: PAY_PER_REQUEST
            """),
            .nonCompliant("""
            Resources:
              Worker:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: queue
                      PolicyDocument: ↓!Sub |
                        {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "arn:${AWS::Partition}:sqs:*:*:jobs"}]}
            """),
            .nonCompliant("""
            Parameters:
              Action:
                Type: String
                Default: "*"
            Resources:
              Ops:
                Type: AWS::IAM::Group
                Properties:
                  Policies:
                    - PolicyName: all
                      PolicyDocument:
                        Statement:
                          Effect: Allow
                          Action: ↓!Ref Action
                          Resource: arn:aws:s3:::data
            """),
            .unknown("""
            Parameters:
              Effect:
                Type: String
            Resources:
              Writer:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Action: s3:*
                        Effect: ↓!Ref Effect
                        Resource: "*"
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        IAMPolicies.grantsNoBroadAccess(resource, in: context, actions: Self.isWholeService,
                                        detail: "a statement allows every action of a service")
    }

    /// `*`, or `service:*` with a service prefix of word characters.
    static func isWholeService(_ action: String) -> Bool {
        guard action.hasSuffix("*") else { return false }
        if action == "*" { return true }
        guard action.hasSuffix(":*") else { return false }
        let service = action.dropLast(2)
        return !service.isEmpty && service.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
    }
}
