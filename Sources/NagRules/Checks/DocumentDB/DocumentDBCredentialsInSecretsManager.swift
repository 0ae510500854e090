/// AwsSolutions-DOC3: DocumentDB clusters take their master credentials from Secrets Manager.
struct DocumentDBCredentialsInSecretsManager: Check {
    let about = CheckAbout(
        resourceTypes: [DocumentDBClusters.clusterType],
        cause: "The DocumentDB cluster's master user name or password is not a Secrets Manager reference.",
        explanation: "Credentials written in a template, or passed as parameters, end up in the template, in the stack's parameters and in deployment logs. A {{resolve:secretsmanager:…}} dynamic reference keeps them in Secrets Manager, where access is controlled and the password can be rotated.",
        fix: "Store the credentials in an AWS::SecretsManager::Secret and set MasterUsername and MasterUserPassword to {{resolve:secretsmanager:<secret>:SecretString:username}} and …:password}}.",
        examples: [
            .compliant("""
            Resources:
              Secret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  GenerateSecretString:
                    SecretStringTemplate: '{"username": "docs"}'
                    GenerateStringKey: password
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  MasterUsername: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:username}}"
                  MasterUserPassword: !Sub "{{resolve:secretsmanager:${Secret}:SecretString:password}}"
            """),
            .compliant("""
            Resources:
              Restored:
                Type: AWS::DocDB::DBCluster
                Properties:
                  SnapshotIdentifier: docs-snapshot
            """),
            .nonCompliant("""
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  ↓MasterUsername: docs
                  MasterUserPassword: "{{resolve:secretsmanager:docs:SecretString:password}}"
            """),
            .nonCompliant("""
            Parameters:
              Password:
                Type: String
                NoEcho: true
                Default: change-me
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  MasterUsername: "{{resolve:secretsmanager:docs:SecretString:username}}"
                  ↓MasterUserPassword: !Ref Password
            """),
            .unknown("""
            Parameters:
              Password:
                Type: String
                NoEcho: true
            Resources:
              Docs:
                Type: AWS::DocDB::DBCluster
                Properties:
                  MasterUsername: "{{resolve:secretsmanager:docs:SecretString:username}}"
                  MasterUserPassword: ↓!Ref Password
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        // cdk-nag cannot check a cluster without a user name (one restored from a snapshot); nor can nag.
        for property in ["MasterUsername", "MasterUserPassword"] {
            if context.resolve(resource, property).isAbsent { return .notApplicable }
            switch DocumentDBClusters.usesSecret(property, of: resource, in: context) {
            case .failure(let why): return .unknown(why)
            case .success(false): return .violation(at: resource.position(ofProperty: property), "\(property) is not a Secrets Manager reference")
            case .success(true): continue
            }
        }
        return .compliant
    }
}
