/// Names shared by the SQS rules.
enum SQSQueues {
    static let queueType = "AWS::SQS::Queue"
    static let policyType = "AWS::SQS::QueuePolicy"
}

extension SQSQueues {
    /// Whether `text` contains `:name` not followed by a word character, `-` or `.` (how cdk-nag finds a
    /// queue's name at the end of an ARN).
    static func endsArn(_ text: String, withName name: String) -> Bool {
        CdkNagText.occurrences(of: ":" + name, in: text).contains { end in
            end == text.endIndex || text[end] != "."
        }
    }
}
