/// Lookups shared by the API Gateway rules.
enum APIGWStages {
    static let stageType = "AWS::ApiGateway::Stage"
    static let v2StageType = "AWS::ApiGatewayV2::Stage"
    static let restApiType = "AWS::ApiGateway::RestApi"

    /// The name a raw value points at, as cdk-nag's `resolveResourceFromIntrinsic` gives it: the target of a
    /// `Ref` (resource or parameter), the resource of a `Fn::GetAtt`, or a literal string.
    static func referencedName(_ value: Value?) -> String? {
        guard let value else { return nil }
        if let function = value.intrinsicValue {
            switch function.name {
            case .ref: return function.argument.stringValue
            case .getAtt: return function.getAttTarget?.0
            default: return nil
            }
        }
        return value.stringValue
    }
}
