/// Lookups shared by the DocumentDB rules.
enum DocumentDBClusters {
    static let clusterType = "AWS::DocDB::DBCluster"
    static let secretReference = "{{resolve:secretsmanager"

    /// Whether a credential property is a Secrets Manager dynamic reference. A value nag cannot resolve
    /// still counts when its written text (an Fn::Sub or Fn::Join) contains the reference.
    static func usesSecret(_ property: String, of cluster: Resource, in context: RuleContext) -> Result<Bool, Unresolved> {
        let value = Scalar(cluster, property, in: context)
        if let text = value.text { return .success(text.contains(secretReference)) }
        if CdkNagText.flatten(cluster[property: property]).contains(secretReference) { return .success(true) }
        if let why = value.unresolved { return .failure(why) }
        return .success(false)
    }
}
