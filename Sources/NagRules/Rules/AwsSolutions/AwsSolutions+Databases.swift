/// AwsSolutions rules for RDS, DynamoDB, ElastiCache, Neptune, Redshift, DocumentDB and Timestream.
extension AwsSolutionsPack {
    static let databases: [any Rule] = [
    ]
}
