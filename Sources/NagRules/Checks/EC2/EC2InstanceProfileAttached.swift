/// An EC2 instance is launched with an IAM instance profile.
struct EC2InstanceProfileAttached: Check {
    let about = CheckAbout(
        resourceTypes: [EC2InstanceDetailedMonitoringEnabled.instanceType],
        cause: "The EC2 instance has no IAM instance profile.",
        explanation: "An instance profile hands the instance's software short-lived credentials for a role scoped to what it needs. Without one, applications on the instance tend to carry long-lived access keys instead, which leak and are hard to rotate, and the instance's access cannot be governed through IAM.",
        fix: "Create an AWS::IAM::InstanceProfile for a role with least-privilege permissions and set IamInstanceProfile on the instance.",
        examples: [
            .compliant("""
            Resources:
              Profile:
                Type: AWS::IAM::InstanceProfile
                Properties:
                  Roles: [app-server]
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  IamInstanceProfile: !Ref Profile
            """),
            .nonCompliant("""
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
            """),
            .nonCompliant("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              ↓Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  IamInstanceProfile: !If [Never, app-server, !Ref AWS::NoValue]
            """),
            // A parameter's value is a profile name, whatever it is.
            .compliant("""
            Parameters:
              ProfileName:
                Type: String
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  IamInstanceProfile: !Ref ProfileName
            """),
            .unknown("""
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  IamInstanceProfile: ↓!If [IsProd, app-server, !Ref AWS::NoValue]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        switch Presence(resource[property: "IamInstanceProfile"], in: context) {
        case .present: .compliant
        case .absent: .violation(at: resource.position, "IamInstanceProfile is not set")
        case .unknown(let why): .unknown(why)
        }
    }
}
