/// Lookups shared by the Neptune rules.
enum NeptuneClusters {
    static let clusterType = "AWS::Neptune::DBCluster"
    static let instanceType = "AWS::Neptune::DBInstance"
}
