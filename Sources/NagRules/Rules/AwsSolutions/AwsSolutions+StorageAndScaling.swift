/// AwsSolutions rules for EFS and Auto Scaling.
extension AwsSolutionsPack {
    static let storageAndScaling: [any Rule] = [
        EFSEncrypted(),
        AutoScalingGroupCooldownPeriod(),
        AutoScalingGroupHealthCheck(),
        AutoScalingGroupScalingNotifications(),
    ]
}
