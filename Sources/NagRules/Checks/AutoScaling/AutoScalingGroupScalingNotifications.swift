/// AwsSolutions-AS3: an Auto Scaling group notifies on every launch and termination, and their failures.
struct AutoScalingGroupScalingNotifications: Check {
    static let events = ["autoscaling:EC2_INSTANCE_LAUNCH", "autoscaling:EC2_INSTANCE_LAUNCH_ERROR",
                         "autoscaling:EC2_INSTANCE_TERMINATE", "autoscaling:EC2_INSTANCE_TERMINATE_ERROR"]

    let about = CheckAbout(
        resourceTypes: [EC2EBSVolumeEncrypted.groupType],
        cause: "The Auto Scaling group does not notify on all scaling events.",
        explanation: "Notifications on launches, terminations and their failures tell operators when the group changes size or cannot, so capacity problems and runaway scaling are noticed as they happen.",
        fix: "Add NotificationConfigurations with an SNS TopicARN and NotificationTypes including EC2_INSTANCE_LAUNCH, EC2_INSTANCE_LAUNCH_ERROR, EC2_INSTANCE_TERMINATE and EC2_INSTANCE_TERMINATE_ERROR (all autoscaling:).",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  NotificationConfigurations:
                    - TopicARN: arn:aws:sns:us-east-1:111122223333:ops
                      NotificationTypes:
                        - autoscaling:EC2_INSTANCE_LAUNCH
                        - autoscaling:EC2_INSTANCE_LAUNCH_ERROR
                        - autoscaling:EC2_INSTANCE_TERMINATE
                        - autoscaling:EC2_INSTANCE_TERMINATE_ERROR
            """),
            .nonCompliant("""
            Resources:
              ↓Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  ↓NotificationConfigurations:
                    - TopicARN: arn:aws:sns:us-east-1:111122223333:ops
                      NotificationTypes:
                        - autoscaling:EC2_INSTANCE_LAUNCH
            """),
            .unknown("""
            Parameters:
              Types:
                Type: CommaDelimitedList
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  NotificationConfigurations:
                    - TopicARN: arn:aws:sns:us-east-1:111122223333:ops
                      NotificationTypes: ↓!Ref Types
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch PropertyLookup.items(resource.properties["NotificationConfigurations"], in: context) {
        case nil: return .violation(at: resource.position)
        case .failure(let why)?: return .unknown(why)
        case .success(let configurations)?:
            // The notification types of every configuration, in order, with what cannot be read as unknown.
            let types = configurations.flatMap { configuration -> [Resolved] in
                guard let map = configuration.map else { return configuration.isUnknown ? [configuration] : [] }
                switch PropertyLookup.items(map["NotificationTypes"], in: context) {
                case nil: return []
                case .failure(let why)?: return [.unknown(why)]
                case .success(let types)?: return types
                }
            }
            let notified = Set(types.compactMap(\.string))
            if Self.events.allSatisfy(notified.contains) { return .compliant }
            if let why = types.lazy.compactMap(\.unresolved).first { return .unknown(why) }
            let missing = Self.events.filter { !notified.contains($0) }.joined(separator: ", ")
            return .violation(at: resource.position(ofProperty: "NotificationConfigurations"), "no notification for \(missing)")
        }
    }
}
