/// Every target of an EventBridge rule has a dead-letter queue for the events it cannot deliver.
struct EventBusDLQ: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::Events::Rule"],
        cause: "A target of the EventBridge rule has no dead-letter queue.",
        explanation: "When EventBridge cannot deliver an event to a target (the target is gone, throttled or denies access) it retries and then drops the event. With a dead-letter queue on the target, the event and the reason it failed are kept in SQS, to be examined and sent again.",
        fix: "Give every entry of Targets a DeadLetterConfig whose Arn is an SQS queue that EventBridge may send messages to.",
        examples: [
            .compliant("""
            Resources:
              Failed:
                Type: AWS::SQS::Queue
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  Targets:
                    - Id: report
                      Arn: arn:aws:lambda:eu-west-1:123456789012:function:report
                      DeadLetterConfig:
                        Arn: !GetAtt Failed.Arn
            """),
            .compliant("""
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  Targets:
                    - !If
                      - Production
                      - Id: report
                        Arn: arn:aws:lambda:eu-west-1:123456789012:function:report
                      - Id: report
                        Arn: arn:aws:lambda:eu-west-1:123456789012:function:report-dev
                        DeadLetterConfig: {Arn: arn:aws:sqs:eu-west-1:123456789012:failed}
            """),
            .nonCompliant("""
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  Targets:
                    - Id: report
                      Arn: arn:aws:lambda:eu-west-1:123456789012:function:report
                      DeadLetterConfig: {Arn: arn:aws:sqs:eu-west-1:123456789012:failed}
                    - ↓Id: archive
                      Arn: arn:aws:lambda:eu-west-1:123456789012:function:archive
            """),
            // cdk-nag cannot read a rule without targets and reports it.
            .nonCompliant("""
            Resources:
              ↓Disabled:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  State: DISABLED
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              Production: !Equals [!Ref Stage, prod]
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  Targets:
                    - Id: report
                      Arn: arn:aws:lambda:eu-west-1:123456789012:function:report
                      DeadLetterConfig: ↓!If [Production, {Arn: arn:aws:sqs:eu-west-1:123456789012:failed}, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let targets: [Resolved]
        switch PropertyLookup.items(resource[property: "Targets"], in: context) {
        case nil: return .violation(at: resource.position, "Targets is not set")
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?: targets = items
        }
        return Verdict.every(targets) { target in
            if let why = target.unresolved { return .undecided(why) }
            let position = target.value?.position ?? resource.position(ofProperty: "Targets")
            switch Presence(target.map?["DeadLetterConfig"], in: context) {
            case .present: return .holds
            case .absent: return .fails(at: position, "a target has no DeadLetterConfig")
            case .unknown(let why): return .undecided(why)
            }
        }.outcome
    }
}
