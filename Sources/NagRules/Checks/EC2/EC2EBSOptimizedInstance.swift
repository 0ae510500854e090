/// An EC2 instance of a type that offers EBS optimization as an option turns it on.
struct EC2EBSOptimizedInstance: Check {
    /// The instance types for which EBS optimization is optional (newer types always have it).
    static let optionalOptimization: Set<String> = [
        "c1.xlarge", "c3.xlarge", "c3.2xlarge", "c3.4xlarge", "g2.2xlarge", "i2.xlarge", "i2.2xlarge", "i2.4xlarge",
        "m1.large", "m1.xlarge", "m2.2xlarge", "m2.4xlarge", "m3.xlarge", "m3.2xlarge", "r3.xlarge", "r3.2xlarge",
        "r3.4xlarge",
    ]

    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.instanceType],
        cause: "The EC2 instance's type supports EBS optimization but the instance does not turn it on.",
        explanation: "Without EBS optimization, traffic to the instance's EBS volumes shares the network link with everything else, so disk throughput drops and latency grows whenever the network is busy. The check covers the older instance types on which optimization is optional; current types are always optimized. An instance without InstanceType launches as m1.small, which is not one of them.",
        fix: "Set EbsOptimized: true on the instance, or move it to a current instance type.",
        examples: [
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: m3.xlarge
                  EbsOptimized: true
            """),
            .compliant("""
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: t3.large
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: c3.2xlarge
            """),
            .nonCompliant("""
            Parameters:
              Size:
                Type: String
                Default: r3.xlarge
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: !Ref Size
                  ↓EbsOptimized: "false"
            """),
            .compliant("""
            Parameters:
              Size:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: !Ref Size
                  EbsOptimized: true
            """),
            .unknown("""
            Parameters:
              Size:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: ↓!Ref Size
            """),
            .unknown("""
            Parameters:
              Optimized:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  InstanceType: m1.large
                  EbsOptimized: ↓!Ref Optimized
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let optimized = Scalar(resource, "EbsOptimized", in: context)
        if optimized.bool == true { return .compliant }
        let type = Scalar(resource, "InstanceType", in: context)
        if let why = type.unresolved { return .unknown(why) }
        guard let name = type.text, Self.optionalOptimization.contains(name) else { return .compliant }
        if let why = optimized.unresolved { return .unknown(why) }
        if optimized.isAbsent { return .violation(at: resource.position, "\(name) instances need EbsOptimized: true") }
        return .violation(at: resource.position(ofProperty: "EbsOptimized"), "EbsOptimized is not true")
    }
}
