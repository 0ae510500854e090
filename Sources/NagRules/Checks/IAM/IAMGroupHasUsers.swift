/// An IAM group has a member: a user that lists it in `Groups`, or a user-to-group addition that names it.
///
/// As in cdk-nag, a membership names the group when its text contains the group's logical id (through
/// `Ref`, `Fn::Sub`, or written out) or the group's name; nag compares names resolved, or flattened when
/// they are known only once deployed.
struct IAMGroupHasUsers: Check {
    static let additionType = "AWS::IAM::UserToGroupAddition"

    let about = CheckAbout(
        resourceTypes: [IAMPolicies.groupType],
        cause: "The IAM group has no users.",
        explanation: "A group nobody belongs to grants its permissions to no one, so it only adds to what has to be reviewed; and when someone is added to it later, those permissions take effect without having been looked at again.",
        fix: "Add users to the group (a user's Groups, or AWS::IAM::UserToGroupAddition), or remove the group.",
        examples: [
            .compliant("""
            Resources:
              Operators:
                Type: AWS::IAM::Group
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [!Ref Operators]
            """),
            .compliant("""
            Resources:
              Auditors:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: auditors
              AddAuditors:
                Type: AWS::IAM::UserToGroupAddition
                Properties:
                  GroupName: auditors
                  Users: [alice, bob]
            """),
            .nonCompliant("""
            Resources:
              ↓Operators:
                Type: AWS::IAM::Group
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [operators-legacy]
            """),
            .nonCompliant("""
            Parameters:
              Team:
                Type: String
                Default: ops
            Resources:
              ↓Operators:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: !Sub "${Team}-operators"
              AddAuditors:
                Type: AWS::IAM::UserToGroupAddition
                Properties:
                  GroupName: ops-auditors
                  Users: [alice]
            """),
            .compliant("""
            Parameters:
              Team:
                Type: String
            Resources:
              Operators:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: !Sub "${Team}-operators"
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [!Sub "${Team}-operators"]
            """),
            // A membership built from another resource's name names that resource, not this group.
            .nonCompliant("""
            Resources:
              ↓Operators:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: operators
              Admins:
                Type: AWS::IAM::Group
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [!Ref Admins, !Sub "${Admins}-legacy"]
            """),
            .unknown("""
            Parameters:
              UserGroup:
                Type: String
            Resources:
              Operators:
                Type: AWS::IAM::Group
                Properties:
                  GroupName: operators
              Operator:
                Type: AWS::IAM::User
                Properties:
                  Groups: [↓!Ref UserGroup]
            """),
        ])

    func evaluate(_ resource: Resource, in context: RuleContext) -> RuleOutcome {
        let memberships = context.index(Memberships.self).memberships
        let id = resource.logicalId
        var names: [String] = []
        var unresolvedName: Unresolved?
        if let written = resource[property: "GroupName"] {
            let name = context.resolve(written)
            names = [name.string, CdkNagText.flatten(written)].compactMap { $0 }.filter { !$0.isEmpty }
            unresolvedName = name.unresolved
        }
        let named = memberships.contains { membership in
            membership.texts.contains { text in
                CdkNagText.containsName(id, in: text, allowingHyphen: true)
                    || names.contains { Self.contains(name: $0, in: text) }
            }
        }
        if named { return .compliant }
        // A membership nag cannot read, or a name it cannot resolve, may still name a group that has a name.
        if !names.isEmpty, !memberships.isEmpty,
           let why = memberships.lazy.compactMap(\.unresolved).first ?? unresolvedName {
            return .unknown(why)
        }
        return .violation(at: resource.position, "no user or user-to-group addition names the group")
    }

    /// Whether `text` contains `name` where no word character, `-` or `.` follows it.
    private static func contains(name: String, in text: String) -> Bool {
        CdkNagText.occurrences(of: name, in: text).contains { $0 == text.endIndex || text[$0] != "." }
    }

    /// One group a user or a user-to-group addition names: its text (resolved, and as cdk-nag flattens it),
    /// and why it cannot be resolved when nag cannot.
    struct Membership: Sendable {
        var texts: [String]
        var unresolved: Unresolved?
    }

    /// Every group membership the template declares: the items of each user's `Groups`, and the `GroupName`
    /// of each user-to-group addition.
    struct Memberships: TemplateIndex {
        let memberships: [Membership]

        init(context: RuleContext) {
            var found: [Membership] = []
            func add(_ written: Value) {
                let resolved = context.resolve(written)
                let flat = CdkNagText.flatten(written)
                switch resolved {
                case .absent: return
                case .resource(let link): found.append(Membership(texts: [link.logicalId, flat]))
                case .unknown(let why):
                    // Built from resources only, the text names what it names (their logical ids); otherwise a
                    // parameter or import may make it any group's name.
                    found.append(Membership(texts: [flat], unresolved: Self.mentionsOnlyResources(written, in: context) ? nil : why))
                case .value(let v):
                    if let items = v.listValue, written.listValue == nil {
                        items.forEach(add)  // a list from a parameter or condition
                    } else {
                        found.append(Membership(texts: [v.scalarText ?? CdkNagText.stringify(v), flat]))
                    }
                }
            }
            for user in context.graph.resources(ofType: IAMPolicies.userType) {
                guard let groups = user[property: "Groups"] else { continue }
                switch context.resolve(groups) {
                case .value(let v) where v.listValue != nil: v.listValue?.forEach(add)
                default: add(groups)
                }
            }
            for addition in context.graph.resources(ofType: IAMGroupHasUsers.additionType) {
                if let name = addition[property: "GroupName"] { add(name) }
            }
            memberships = found
        }

        /// Whether every reference in `value` (`Ref`, `Fn::GetAtt`, `${…}` of `Fn::Sub`, inside `Fn::Join`) names
        /// a resource of the template.
        static func mentionsOnlyResources(_ value: Value, in context: RuleContext) -> Bool {
            func isResource(_ name: String) -> Bool {
                context.graph.resource(named: String(name.split(separator: ".").first ?? "")) != nil
            }
            switch value.kind {
            case .list(let items): return items.allSatisfy { mentionsOnlyResources($0, in: context) }
            case .map(let map): return map.entries.allSatisfy { mentionsOnlyResources($0.value, in: context) }
            case .intrinsic(let function):
                switch function.name {
                case .ref: return function.argument.stringValue.map(isResource) ?? false
                case .getAtt: return true
                case .join: return mentionsOnlyResources(function.argument, in: context)
                case .sub:
                    guard let text = function.argument.stringValue else { return false }
                    return text.splitting(by: "${").dropFirst().allSatisfy { part in
                        part.hasPrefix("!") || part.firstIndex(of: "}").map { isResource(String(part[..<$0])) } ?? true
                    }
                default: return false
                }
            default: return true
            }
        }
    }
}
