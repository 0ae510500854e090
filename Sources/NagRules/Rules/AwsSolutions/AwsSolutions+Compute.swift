/// AwsSolutions rules for EC2, ECR, ECS, EKS, Elastic Beanstalk and ELB.
extension AwsSolutionsPack {
    static let compute: [any Rule] = [
    ]
}
