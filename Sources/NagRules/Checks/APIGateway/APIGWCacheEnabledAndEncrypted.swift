/// A REST API stage caches the responses of all its methods and encrypts that cache.
struct APIGWCacheEnabledAndEncrypted: Check {
    let about = CheckAbout(
        resourceTypes: [APIGWStages.stageType],
        cause: "The REST API stage does not cache all methods' responses with the cache encrypted.",
        explanation: "A stage cache keeps copies of backend responses, which may hold sensitive data; unencrypted, they sit in the clear on the cache cluster. The setting must apply to every method: a method setting with HttpMethod * and ResourcePath /* that enables caching and encrypts the cached data.",
        fix: "Add a MethodSettings entry with HttpMethod: \"*\", ResourcePath: \"/*\", CachingEnabled: true and CacheDataEncrypted: true (and set CacheClusterEnabled on the stage).",
        examples: [
            .compliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  CacheClusterEnabled: true
                  MethodSettings:
                    - HttpMethod: GET
                      ResourcePath: /orders
                      CachingEnabled: false
                    - HttpMethod: "*"
                      ResourcePath: /*
                      CachingEnabled: true
                      CacheDataEncrypted: "true"
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "true"
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ↓MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      CachingEnabled: true
                      CacheDataEncrypted: !Ref Encrypt
            """, when: "Encrypt=false"),
            .nonCompliant("""
            Resources:
              ↓Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
            """),
            .nonCompliant("""
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ↓MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      CachingEnabled: true
                    - HttpMethod: GET
                      ResourcePath: /orders
                      CachingEnabled: true
                      CacheDataEncrypted: true
            """),
            .nonCompliant("""
            Parameters:
              Encrypt:
                Type: String
                AllowedValues: ["true", "false"]
                Default: "false"
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  ↓MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      CachingEnabled: true
                      CacheDataEncrypted: !Ref Encrypt
            """, when: "Encrypt=false"),
            .unknown("""
            Parameters:
              Encrypt:
                Type: String
            Resources:
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  DeploymentId: dep123
                  MethodSettings:
                    - HttpMethod: "*"
                      ResourcePath: /*
                      CachingEnabled: true
                      CacheDataEncrypted: ↓!Ref Encrypt
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let settings: [Resolved]
        switch PropertyLookup.items(resource[property: "MethodSettings"], in: context) {
        case nil: return .violation(at: resource.position, "MethodSettings is not set")
        case .failure(let why)?: return .unknown(why)
        case .success(let items)?: settings = items
        }
        let none = Verdict.fails(at: resource.position(ofProperty: "MethodSettings"),
                                 "no method setting for all methods enables and encrypts the cache")
        return Verdict.someMap(in: settings, otherwise: none) { setting in
            Verdict.every([
                APIGWMethodSettings.coversAllMethods(setting, in: context),
                APIGWMethodSettings.isTrue(setting["CachingEnabled"], in: context),
                APIGWMethodSettings.isTrue(setting["CacheDataEncrypted"], in: context),
            ]) { $0 }
        }.outcome
    }
}
