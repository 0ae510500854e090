extension Baseline {
    /// Parses a baseline file's text; every problem is a located error naming `file`.
    public static func parse(bytes: [UInt8], file: String) throws(LoadDiagnostic) -> Baseline {
        let root = try DocumentLoader().parse(bytes: bytes, file: file, format: .json).root
        func fail(_ message: String, _ position: Position) -> LoadDiagnostic {
            LoadDiagnostic(message, at: FileLocation(file: file, position: position))
        }
        guard let map = root.mapValue else { throw fail("a baseline is a JSON object with version and entries", root.position) }
        guard let version = map["version"], version.scalarText == String(formatVersion) else {
            throw fail("a baseline needs \"version\": \(formatVersion) (written by `nag baseline create`)", map["version"]?.position ?? root.position)
        }
        guard let list = map["entries"]?.listValue else {
            throw fail("a baseline needs an \"entries\" list", map["entries"]?.position ?? root.position)
        }
        var entries: [BaselineEntry] = []
        for item in list {
            guard let fields = item.mapValue else { throw fail("a baseline entry is an object", item.position) }
            func text(_ key: String) throws(LoadDiagnostic) -> String {
                guard let value = fields[key]?.stringValue else { throw fail("a baseline entry needs \"\(key)\" (a string)", fields[key]?.position ?? item.position) }
                return value
            }
            let entry = BaselineEntry(rule: try text("rule"), findingId: fields["findingId"]?.stringValue,
                                      template: try text("template"), resource: try text("resource"), read: try text("read"))
            if let written = fields["fingerprint"], written.stringValue != entry.fingerprint {
                throw fail("fingerprint does not match the entry's fields (edit the fields, not the fingerprint, or recreate the baseline)", written.position)
            }
            entries.append(entry)
        }
        return Baseline(entries: entries)
    }
}
