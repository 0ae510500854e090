/// AwsSolutions-EKS1: an EKS cluster's Kubernetes API endpoint is not public.
struct EKSClusterNoEndpointPublicAccess: Check {
    let about = CheckAbout(
        resourceTypes: EKSClusters.types,
        cause: "The EKS cluster's Kubernetes API server endpoint has public access enabled.",
        explanation: "A public endpoint exposes the cluster's control plane to the internet, where only authentication stands between an attacker and the API. A private endpoint is reachable only from the VPC (and networks connected to it). Public access is on unless turned off.",
        fix: "Set ResourcesVpcConfig.EndpointPublicAccess: false and EndpointPrivateAccess: true.",
        examples: [
            .compliant("""
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                    EndpointPublicAccess: false
                    EndpointPrivateAccess: true
            """),
            .nonCompliant("""
            Resources:
              ↓Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
            """),
            .nonCompliant("""
            Resources:
              Cluster:
                Type: Custom::AWSCDK-EKS-Cluster
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:111122223333:function:provider
                  Config:
                    resourcesVpcConfig:
                      ↓endpointPublicAccess: true
            """),
            .unknown("""
            Parameters:
              Public:
                Type: String
            Resources:
              Cluster:
                Type: AWS::EKS::Cluster
                Properties:
                  RoleArn: arn:aws:iam::111122223333:role/eks
                  ResourcesVpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                    EndpointPublicAccess: ↓!Ref Public
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let isCustom = resource.type == EKSClusters.cdkClusterType
        let config = isCustom
            ? context.resolver.resolve(resource.properties["Config"], at: "resourcesVpcConfig")
            : context.resolve(resource, "ResourcesVpcConfig")
        if let why = config.unresolved { return .unknown(why) }
        let key = isCustom ? "endpointPublicAccess" : "EndpointPublicAccess"
        let publicAccess = Scalar(config.map?[key], in: context)
        if let why = publicAccess.unresolved { return .unknown(why) }
        if publicAccess.bool == false { return .compliant }
        return .violation(at: PropertyLookup.position(of: key, in: config.map, else: resource.position))
    }
}
