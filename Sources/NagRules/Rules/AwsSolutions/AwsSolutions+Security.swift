/// AwsSolutions rules for IAM, Cognito, KMS and Secrets Manager.
extension AwsSolutionsPack {
    static let security: [any Rule] = [
        IAMNoManagedPolicies(),
        IAMNoWildcardPermissions(),
        CognitoUserPoolStrongPasswordPolicy(),
        CognitoUserPoolMFA(),
        CognitoUserPoolAPIGWAuthorizer(),
        CognitoUserPoolNoUnauthenticatedLogins(),
        CognitoUserPoolPlusTier(),
        KMSBackingKeyRotationEnabled(),
        SecretsManagerRotationEnabled(),
    ]
}
