/// The packs that ship with nag.
public enum BuiltInPacks {
    /// Every built-in pack, the `Nag` suppression checks last.
    public static let all: [RulePack] = [
        .awsSolutions, .hipaaSecurity, .nist80053R4, .nist80053R5, .pciDss321, .serverless, .edge, .nag,
    ]

    /// The packs a run uses when none is named (the `Nag` pack always runs unless its rules are skipped).
    public static let defaultNames: [String] = [RulePack.awsSolutions.name, RulePack.edge.name]

    public static func pack(named name: String) -> RulePack? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }
}
