/// AwsSolutions-QS1: the data source connects over SSL.
struct QuicksightSSLConnections: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::QuickSight::DataSource"],
        cause: "The QuickSight data source turns SSL off for its connection.",
        explanation: "With DisableSsl true, QuickSight queries the database over an unencrypted connection, exposing query results and credentials on the network.",
        fix: "Remove SslProperties.DisableSsl or set it to false.",
        examples: [
            .compliant("""
            Resources:
              Source:
                Type: AWS::QuickSight::DataSource
                Properties:
                  Type: POSTGRESQL
                  SslProperties:
                    DisableSsl: false
            """),
            .compliant("""
            Resources:
              Source:
                Type: AWS::QuickSight::DataSource
                Properties:
                  Type: ATHENA
            """),
            .nonCompliant("""
            Resources:
              Source:
                Type: AWS::QuickSight::DataSource
                Properties:
                  Type: POSTGRESQL
                  SslProperties:
                    ↓DisableSsl: "true"
            """),
            .nonCompliant("""
            Parameters:
              NoSsl:
                Type: String
                Default: "true"
            Resources:
              Source:
                Type: AWS::QuickSight::DataSource
                Properties:
                  Type: MYSQL
                  SslProperties:
                    ↓DisableSsl: !Ref NoSsl
            """),
            .unknown("""
            Parameters:
              NoSsl:
                Type: String
            Resources:
              Source:
                Type: AWS::QuickSight::DataSource
                Properties:
                  Type: MYSQL
                  SslProperties:
                    DisableSsl: ↓!Ref NoSsl
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let disabled = PropertyLookup.find(resource, "SslProperties", "DisableSsl", in: context)
        if let why = disabled.unresolved { return .unknown(why) }
        return disabled.resolved.bool == true ? .violation(at: disabled.position) : .compliant
    }
}
