/// AwsSolutions-LEX4: enabled conversation logs of a bot alias are encrypted.
struct LexBotAliasEncryptedConversationLogs: Check {
    let about = CheckAbout(
        resourceTypes: [LexBots.aliasType, LexBots.botType],
        cause: "The Lex bot alias writes conversation logs that are not encrypted with a KMS key.",
        explanation: "Conversation logs hold what users said and typed to the bot, often personal data. Audio logs in S3 need a KmsKeyArn, and text logs need a CloudWatch log group with a KmsKeyId, so that only holders of the key can read them.",
        fix: "Set KmsKeyArn on each enabled audio log S3 destination, and KmsKeyId on the log group of each enabled text log (BotAlias.ConversationLogSettings, or Bot.TestBotAliasSettings.ConversationLogSettings).",
        examples: [
            .compliant("""
            Resources:
              Alias:
                Type: AWS::Lex::BotAlias
                Properties:
                  BotId: bot123
                  BotAliasName: live
                  ConversationLogSettings:
                    AudioLogSettings:
                      - Enabled: true
                        Destination:
                          S3Bucket:
                            S3BucketArn: arn:aws:s3:::lex-audio
                            LogPrefix: audio/
                            KmsKeyArn: arn:aws:kms:us-east-1:123456789012:key/lex
                    TextLogSettings:
                      - Enabled: true
                        Destination:
                          CloudWatch:
                            CloudWatchLogGroupArn: !GetAtt Logs.Arn
                            LogPrefix: text/
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  KmsKeyId: arn:aws:kms:us-east-1:123456789012:key/lex
            """),
            .compliant("""
            Resources:
              Alias:
                Type: AWS::Lex::BotAlias
                Properties:
                  BotId: bot123
                  BotAliasName: live
            """),
            .nonCompliant("""
            Resources:
              Alias:
                Type: AWS::Lex::BotAlias
                Properties:
                  BotId: bot123
                  BotAliasName: live
                  ConversationLogSettings:
                    AudioLogSettings:
                      - ↓Enabled: true
                        Destination:
                          S3Bucket:
                            S3BucketArn: arn:aws:s3:::lex-audio
                            LogPrefix: audio/
            """),
            .nonCompliant("""
            Resources:
              Bot:
                Type: AWS::Lex::Bot
                Properties:
                  Name: helper
                  RoleArn: arn:aws:iam::123456789012:role/lex
                  DataPrivacy: {ChildDirected: false}
                  IdleSessionTTLInSeconds: 300
                  TestBotAliasSettings:
                    ConversationLogSettings:
                      TextLogSettings:
                        - ↓Enabled: "true"
                          Destination:
                            CloudWatch:
                              CloudWatchLogGroupArn: !GetAtt Logs.Arn
                              LogPrefix: text/
              Logs:
                Type: AWS::Logs::LogGroup
            """),
            .nonCompliant("""
            Parameters:
              AudioLogs:
                Type: String
                Default: "true"
            Resources:
              Alias:
                Type: AWS::Lex::BotAlias
                Properties:
                  BotId: bot123
                  BotAliasName: live
                  ConversationLogSettings:
                    AudioLogSettings:
                      - ↓Enabled: !Ref AudioLogs
                        Destination:
                          S3Bucket:
                            S3BucketArn: arn:aws:s3:::lex-audio
                            LogPrefix: audio/
            """),
            .unknown("""
            Resources:
              Alias:
                Type: AWS::Lex::BotAlias
                Properties:
                  BotId: bot123
                  BotAliasName: live
                  ConversationLogSettings:
                    TextLogSettings:
                      - Enabled: true
                        Destination:
                          CloudWatch:
                            CloudWatchLogGroupArn: ↓arn:aws:logs:us-east-1:123456789012:log-group:lex
                            LogPrefix: text/
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let base = resource.type == LexBots.botType ? ["TestBotAliasSettings", "ConversationLogSettings"] : ["ConversationLogSettings"]
        let settings = PropertyLookup.find(resource, base, in: context)
        if let why = settings.unresolved { return .unknown(why) }
        guard let logs = settings.resolved.map else { return .compliant }
        for log in PropertyLookup.readableMaps(logs["AudioLogSettings"], in: context) {
            guard LexBots.isEnabled(log, in: context) else { continue }
            let key = context.resolver.resolve(log["Destination"], at: "S3Bucket", "KmsKeyArn")
            if key.isAbsent { return .violation(at: log.entry("Enabled")?.keyPosition ?? settings.position, "an audio log has no KmsKeyArn") }
        }
        for log in PropertyLookup.readableMaps(logs["TextLogSettings"], in: context) {
            guard LexBots.isEnabled(log, in: context) else { continue }
            let arnValue = log["Destination"]?["CloudWatch"]?["CloudWatchLogGroupArn"]
            let arn = context.resolve(arnValue)
            let name = arn.resourceLink?.logicalId ?? arn.string
            guard let group = name.flatMap({ context.graph.resource(named: $0) }), group.type == "AWS::Logs::LogGroup" else {
                return .unknown("the text log group \(name ?? "of a text log") is not defined in the template", at: arnValue?.position ?? settings.position)
            }
            if group.properties["KmsKeyId"] == nil {
                return .violation(at: log.entry("Enabled")?.keyPosition ?? settings.position, "log group \(group.logicalId) has no KmsKeyId")
            }
        }
        return .compliant
    }
}
