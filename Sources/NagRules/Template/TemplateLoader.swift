/// Loads CloudFormation templates from files or bytes: a ``DocumentLoader`` parses them, a
/// `TemplateReader` gives the values their template shape (resources, parameters, conditions, outputs).
/// Never crashes on bad input: every failure is a ``LoadDiagnostic`` with the file and, where there is one,
/// the line and column.
///
/// ```swift
/// let template = try TemplateLoader().load(path: "template.yaml")
/// ```
public struct TemplateLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    private var documents: DocumentLoader { DocumentLoader(limits: limits) }

    /// Reads and loads the file at `path`.
    public func load(path: String) throws(LoadDiagnostic) -> Template {
        let bytes = try readFile(path)
        return try load(bytes: bytes, file: path, format: TemplateFormat(fileName: path))
    }

    /// Loads a template from bytes; `file` names it in positions and messages. With no `format`, a document
    /// whose first character is `{` is read as JSON and anything else as YAML.
    public func load(bytes: [UInt8], file: String, format: TemplateFormat? = nil) throws(LoadDiagnostic) -> Template {
        let document = try documents.parse(bytes: bytes, file: file, format: format)
        var reader = TemplateReader(file: file, diagnostics: document.warnings)
        do {
            return try reader.read(document.root, referenceEstimate: document.referenceEstimate)
        } catch let diagnostic as LoadDiagnostic {
            throw diagnostic
        } catch {
            throw LoadDiagnostic("\(error)", at: FileLocation(file: file, line: 1, column: 1))
        }
    }

    /// Reads a whole file with the limit applied before reading, so a huge file is refused without loading it.
    public func readFile(_ path: String) throws(LoadDiagnostic) -> [UInt8] {
        try documents.readFile(path)
    }

    /// Reads standard input in chunks under the size limit.
    public func readStandardInput() throws(LoadDiagnostic) -> [UInt8] {
        try documents.readStandardInput()
    }
}
