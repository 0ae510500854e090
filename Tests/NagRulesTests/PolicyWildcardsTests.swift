import Testing
@testable import NagRules

/// IAM5's reading of policies part by part: what the rule examples cannot show (the undecided part kept beside
/// certain findings, the partial text of an `Fn::Sub`).
@Suite struct PolicyWildcardsTests {
    private func load(_ yaml: String) throws -> (Template, RuleContext) {
        let template = try TemplateLoader().load(bytes: Array(yaml.utf8), file: "t.yaml")
        return (template, RuleContext(template: template))
    }

    private func findings(of logicalId: String, in yaml: String) throws -> WildcardFindings {
        let (template, context) = try load(yaml)
        let resource = try #require(template.resource(named: logicalId))
        return PolicyWildcards(context: context).findings(in: resource)
    }

    @Test func certainFindingsStayBesideAnUndecidedStatement() throws {
        let found = try findings(of: "Role", in: """
            Parameters:
              Action: {Type: String}
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: a
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: !Ref Action, Resource: arn:aws:sqs:eu-west-1:123456789012:jobs}
                          - {Effect: Allow, Action: "kms:*", Resource: "*"}
            """)
        #expect(found.violations.compactMap(\.findingId) == ["Action::kms:*", "Resource::*"])
        #expect(found.undecided?.reason.contains("Action") == true)
        // Both are reported: the certain findings, and an unknown for the statement that cannot be decided.
        #expect(found.outcome == .partlyUndecided(found.violations, try #require(found.undecided)))
    }

    @Test func anUnknownEffectMattersOnlyWhenTheStatementHasWildcards() throws {
        let template = """
            Parameters:
              Effect: {Type: String}
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - {Effect: !Ref Effect, Action: ACTION, Resource: arn:aws:sqs:eu-west-1:123456789012:jobs}
            """
        let narrow = try findings(of: "Policy", in: template.replacingAll("ACTION", with: "sqs:SendMessage"))
        #expect(narrow.outcome == .compliant)
        let wide = try findings(of: "Policy", in: template.replacingAll("ACTION", with: "'sqs:*'"))
        #expect(wide.violations.isEmpty)
        #expect(wide.undecided?.reason.contains("Effect") == true)
    }

    @Test func eitherKeepsWhatBothPossibilitiesFind() {
        let why = Unresolved("condition", at: Position(line: 1, column: 1))
        var first = WildcardFindings.none
        first.add("Action::s3:*", at: Position(line: 2, column: 1))
        first.add("Resource::*", at: Position(line: 3, column: 1))
        var second = WildcardFindings.none
        second.add("Action::s3:*", at: Position(line: 5, column: 1))

        let differing = WildcardFindings.either(first, second, because: why)
        #expect(differing.violations == [Violation(position: Position(line: 2, column: 1), findingId: "Action::s3:*")])
        #expect(differing.undecided == why)
        let same = WildcardFindings.either(second, second, because: why)
        #expect(same.violations.count == 1)
        #expect(same.undecided == nil)
    }

    @Test func subTextSubstitutesWhatTheTemplateDecides() throws {
        let (template, context) = try load("""
            Parameters:
              Bucket: {Type: String, Default: data}
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: !Sub '${Bucket}/${AWS::Region}/${AWS::Region}/${!Literal}/${AWS::Partition}'
            """)
        let document = try #require(template.resource(named: "Policy")?[property: "PolicyDocument"])
        let sub = try #require(PolicySubText(document, in: context))
        #expect(sub.text == "data/${AWS::Region}/${AWS::Region}/${Literal}/aws")
        #expect(sub.unknowns.map(\.reference) == ["${AWS::Region}"])
        #expect(sub.dependency(of: "arn:aws:logs:${AWS::Region}:1:x")?.reason.contains("AWS::Region") == true)
        #expect(sub.dependency(of: "s3:*") == nil)
    }

    @Test func subTextResourcesKeepUnknownReferencesAsWritten() throws {
        let found = try findings(of: "Policy", in: """
            Parameters:
              Bucket: {Type: String, Default: data}
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: !Sub '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
                    "Resource": ["arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::${Bucket}-${AWS::Region}/*"]}]}'
            """)
        #expect(found.violations.compactMap(\.findingId)
                == ["Resource::arn:aws:s3:::data/*", "Resource::arn:aws:s3:::data-<AWS::Region>/*"])
        #expect(found.undecided == nil)
    }

    @Test func subTextThatIsJSONOnlyOnceDeployedIsUndecided() throws {
        let found = try findings(of: "Policy", in: """
            Parameters:
              Statements: {Type: String}
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument: !Sub '{"Statement": ${Statements}}'
            """)
        #expect(found.violations.isEmpty)
        #expect(found.undecided?.reason.contains("Statements") == true)
    }

    @Test func subTextPastTheStringLimitIsNotRead() throws {
        let big = String(repeating: "x", count: 1 << 12)
        func partialText(repeating count: Int) throws -> PolicySubText? {
            let (template, context) = try load("""
                Parameters:
                  Big: {Type: String, Default: \(big)}
                Resources:
                  Policy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument: !Sub '\(String(repeating: "${Big}", count: count))${AWS::Region}'
                """)
            let document = try #require(template.resource(named: "Policy")?[property: "PolicyDocument"])
            return PolicySubText(document, in: context)
        }
        #expect(try partialText(repeating: 4)?.text.utf8.count == 4 * big.utf8.count + "${AWS::Region}".utf8.count)
        #expect(try partialText(repeating: (Resolver.maxStringLength >> 12) + 1) == nil)
    }
}
