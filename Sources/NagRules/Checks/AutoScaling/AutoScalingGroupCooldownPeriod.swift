/// AwsSolutions-AS1: an Auto Scaling group does not set its cooldown to zero.
struct AutoScalingGroupCooldownPeriod: Check {
    let about = CheckAbout(
        resourceTypes: [EC2EBSVolumeEncrypted.groupType],
        cause: "The Auto Scaling group has a cooldown period of 0 seconds.",
        explanation: "The cooldown lets a scaling activity take effect before the next one starts. Without it the group can launch or terminate more instances than needed while the last change is still settling.",
        fix: "Leave Cooldown unset (300 seconds) or set it to the time new instances need to start serving.",
        examples: [
            .compliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  Cooldown: "120"
            """),
            .nonCompliant("""
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  ↓Cooldown: "0"
            """),
            .unknown("""
            Parameters:
              Cooldown:
                Type: Number
            Resources:
              Group:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: "1"
                  MaxSize: "2"
                  Cooldown: ↓!Ref Cooldown
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let cooldown = Scalar(resource, "Cooldown", in: context)
        if let why = cooldown.unresolved { return .unknown(why) }
        guard let text = cooldown.text, Self.leadingInteger(text) == 0 else { return .compliant }
        return .violation(at: resource.position(ofProperty: "Cooldown"))
    }

    /// JavaScript's `parseInt`: the integer at the start of the text, if any.
    static func leadingInteger(_ text: String) -> Int? {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var digits = ""
        for (index, character) in trimmed.enumerated() {
            if character.isASCII, character.isNumber { digits.append(character) }
            else if index == 0, character == "-" || character == "+" { digits.append(character) }
            else { break }
        }
        return Int(digits)
    }
}
