/// CloudWatch alarms have actions enabled and at least one alarm, insufficient-data or OK action.
struct CloudWatchAlarmAction: Check {
    static let actionLists = ["AlarmActions", "InsufficientDataActions", "OKActions"]

    let about = CheckAbout(
        resourceTypes: ["AWS::CloudWatch::Alarm"],
        cause: "The CloudWatch alarm has no action to take when its state changes.",
        explanation: """
        An alarm that changes state without notifying anyone or triggering anything goes unnoticed until \
        someone looks at the console. An alarm acts only when ActionsEnabled is not false and it has at \
        least one action for the ALARM, INSUFFICIENT_DATA or OK state: an SNS topic, an Auto Scaling or EC2 \
        action, or a Systems Manager incident.
        """,
        fix: "Add at least one action ARN to AlarmActions (or InsufficientDataActions, OKActions), and leave ActionsEnabled unset or true.",
        examples: [
            .compliant("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [!Ref Topic]
            """),
            .nonCompliant("""
            Resources:
              ↓Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
            """),
            .nonCompliant("""
            Resources:
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  ↓ActionsEnabled: false
                  OKActions: [arn:aws:sns:us-east-1:123456789012:ops]
            """),
            .nonCompliant("""
            Parameters:
              Notify:
                Type: String
                Default: "no"
            Conditions:
              Notifying: !Equals [!Ref Notify, "yes"]
            Resources:
              ↓Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [!If [Notifying, arn:aws:sns:us-east-1:123456789012:ops, !Ref AWS::NoValue]]
            """),
            .compliant("""
            Parameters:
              Enabled:
                Type: String
                Default: "true"
            Resources:
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  ActionsEnabled: !Ref Enabled
                  InsufficientDataActions: [!Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:ops"]
            """),
            .unknown("""
            Parameters:
              Enabled:
                Type: String
            Resources:
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  ActionsEnabled: ↓!Ref Enabled
                  AlarmActions: [arn:aws:sns:us-east-1:123456789012:ops]
            """),
            .unknown("""
            Parameters:
              Notify:
                Type: String
            Conditions:
              Notifying: !Equals [!Ref Notify, "yes"]
            Resources:
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: ↓!If [Notifying, [arn:aws:sns:us-east-1:123456789012:ops], []]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let enabled = Scalar(resource, "ActionsEnabled", in: context)
        if enabled.bool == false {
            return .violation(at: resource.position(ofProperty: "ActionsEnabled"), "ActionsEnabled is false")
        }
        let hasAction = Verdict.some(Self.actionLists, otherwise: .fails(at: resource.position, "no action is set")) { list in
            switch context.resolve(resource[property: list]) {
            case .absent: return .fails
            case .unknown(let why): return .undecided(why)
            case .resource: return .holds  // one action written without a list
            case .value(let value):
                guard let actions = value.listValue else { return .holds }
                return Verdict.some(actions, otherwise: .fails) { action in
                    switch Presence(action, in: context) {
                    case .present: .holds
                    case .absent: .fails
                    case .unknown(let why): .undecided(why)
                    }
                }
            }
        }
        if hasAction.truth == .holds, let why = enabled.unresolved { return .unknown(why) }
        return hasAction.outcome
    }
}
