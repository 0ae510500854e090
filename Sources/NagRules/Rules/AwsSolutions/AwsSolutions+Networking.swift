/// AwsSolutions rules for VPC, CloudFront and API Gateway.
extension AwsSolutionsPack {
    static let networking: [any Rule] = [
    ]
}
