/// Parameter values from a file, in either form CloudFormation tools write:
/// `[{"ParameterKey": "K", "ParameterValue": "V"}]` (the CLI's list) or `{"Parameters": {"K": "V"}}`
/// (CodePipeline's template configuration). A JSON file is read with positions, so mistakes are located.
package enum ParameterFile {
    package static func parse(bytes: [UInt8], file: String) throws(LoadDiagnostic) -> [String: String] {
        let root: Value
        do {
            root = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
        } catch let error as ParseError {
            throw error.diagnostic(file: file)
        } catch {
            throw LoadDiagnostic("\(error)", at: FileLocation(file: file, line: 1, column: 1))
        }
        func fail(_ message: String, _ position: Position) -> LoadDiagnostic {
            LoadDiagnostic(message, at: FileLocation(file: file, position: position))
        }
        var values: [String: String] = [:]
        if let items = root.listValue {
            for item in items {
                guard let key = item["ParameterKey"]?.stringValue else {
                    throw fail("each item needs a ParameterKey string", item.position)
                }
                guard let value = item["ParameterValue"]?.scalarText else {
                    throw fail("parameter \(key) needs a ParameterValue", item.position)
                }
                values[key] = value
            }
            return values
        }
        guard let parameters = root["Parameters"]?.mapValue else {
            throw fail("expected a list of {ParameterKey, ParameterValue} or a map {\"Parameters\": {…}}", root.position)
        }
        for entry in parameters.entries {
            if let text = entry.value.scalarText {
                values[entry.key] = text
            } else if let list = entry.value.listValue, list.allSatisfy({ $0.scalarText != nil }) {
                values[entry.key] = list.compactMap(\.scalarText).joined(separator: ",")
            } else {
                throw fail("parameter \(entry.key) must be a string", entry.value.position)
            }
        }
        return values
    }
}
