/// Which CloudFormation stack a template is: the name reports group findings under and cdk-nag 2 names its
/// per-stack reports with (`AwsSolutions-Prod-Producer-NagReport.csv`).
///
/// - A stack of a cloud assembly: the deployed stack name the manifest gives (`properties.stackName`,
///   `Prod-Producer` for a stack of the Stage `Prod`), else the artifact id (`Service`).
/// - A nested stack CDK synthesized: its unique id, which CDK also uses to name the template file
///   (`ServiceNetwork7F1FBC97.nested.template.json`).
/// - Any other template: its file name without the extensions (`network.yaml` is `network`).
public struct StackIdentity: Sendable, Hashable {
    public var name: String
    /// CDK's construct path of the stack (the manifest's `displayName`, `Prod/Producer`), when known.
    public var displayName: String?

    public init(name: String, displayName: String? = nil) {
        self.name = name
        self.displayName = displayName
    }

    /// The identity a template file's name gives: what CDK writes (`X.template.json`, `X.nested.template.json`)
    /// loses its suffix, any other file its last extension.
    public init(templatePath: String) {
        var base = Substring(templatePath)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        for suffix in [".nested.template.json", ".template.json", ".template.yaml", ".template"]
        where base.count > suffix.count && base.hasSuffix(suffix) {
            self.init(name: String(base.dropLast(suffix.count)))
            return
        }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        self.init(name: base.isEmpty ? templatePath : String(base))
    }
}
