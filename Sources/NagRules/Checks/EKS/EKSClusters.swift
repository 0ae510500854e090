/// Lookups shared by the EKS rules: a cluster is an `AWS::EKS::Cluster` or the custom resource CDK uses.
enum EKSClusters {
    static let clusterType = "AWS::EKS::Cluster"
    static let cdkClusterType = "Custom::AWSCDK-EKS-Cluster"
    static let types: Set<String> = [clusterType, cdkClusterType]
    static let logTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
