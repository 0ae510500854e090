/// AwsSolutions rules for EC2, ECR, ECS, EKS, Elastic Beanstalk and ELB.
extension AwsSolutionsPack {
    static let compute: [any Rule] = [
        EC2RestrictedInbound(),
        EC2EBSVolumeEncrypted(),
        EC2SecurityGroupDescription(),
        EC2InstanceDetailedMonitoringEnabled(),
        EC2InstanceTerminationProtection(),
        ELBLoggingEnabled(),
    ]
}
