/// CloudTrail trails sign digests of their log files (`EnableLogFileValidation` is true).
struct CloudTrailLogFileValidationEnabled: Check {
    let about = CheckAbout(
        resourceTypes: ["AWS::CloudTrail::Trail"],
        cause: "The CloudTrail trail does not validate its log files.",
        explanation: """
        With log file validation, CloudTrail writes an hourly digest file that holds a hash of each log file \
        it delivered, signed with its own key. The digests prove later that no log file was changed, deleted \
        or forged after delivery, which an investigation or audit relies on. Validation is off unless \
        EnableLogFileValidation is true.
        """,
        fix: "Set EnableLogFileValidation: true on the trail.",
        examples: [
            .compliant("""
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  EnableLogFileValidation: true
            """),
            .nonCompliant("""
            Resources:
              ↓Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
            """),
            .nonCompliant("""
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  ↓EnableLogFileValidation: "false"
            """),
            .nonCompliant("""
            Parameters:
              Validate:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "true"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  ↓EnableLogFileValidation: !Ref Validate
            """, when: "Validate=false"),
            .unknown("""
            Parameters:
              Validate:
                Type: String
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  S3BucketName: audit-trail
                  EnableLogFileValidation: ↓!Ref Validate
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let validation = Scalar(resource, "EnableLogFileValidation", in: context)
        if validation.isAbsent {
            let written = resource.properties.entry("EnableLogFileValidation")?.keyPosition
            return .violation(at: written ?? resource.position, "EnableLogFileValidation is not set")
        }
        if let why = validation.unresolved { return .unknown(why) }
        // cdk-nag tests `!= true` loosely, so the number 1 passes too.
        if validation.bool == true || validation.equals(1) == true { return .compliant }
        return .violation(at: resource.position(ofProperty: "EnableLogFileValidation"), "EnableLogFileValidation is not true")
    }
}
