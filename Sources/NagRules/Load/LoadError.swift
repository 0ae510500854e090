/// Why a file could not be loaded, or a problem found in its shape, with where it was found.
public struct LoadDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable { case error, warning }

    /// Kinds of problem a caller may treat specially.
    public enum Code: String, Sendable, Equatable {
        /// The file parsed, but it is not a CloudFormation template (no template section at its top level).
        case notATemplate
    }

    public var location: FileLocation
    public var severity: Severity
    public var message: String
    /// Other places the message refers to (the first of two duplicate keys, for instance).
    public var related: [FileLocation]
    public var code: Code?

    public init(_ message: String, at location: FileLocation, severity: Severity = .error,
                related: [FileLocation] = [], code: Code? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.related = related
        self.code = code
    }

    /// `file:line:col: error: message`, the form compilers and editors understand.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

/// A parse error inside one file, before the file name is attached.
struct ParseError: Error, Sendable {
    var message: String
    var position: Position
    var related: [Position] = []

    func diagnostic(file: String) -> LoadDiagnostic {
        LoadDiagnostic(message, at: FileLocation(file: file, position: position),
                       related: related.map { FileLocation(file: file, position: $0) })
    }
}

/// Explicit bounds on what the loaders accept, so hostile input fails fast instead of exhausting memory.
public struct LoadLimits: Sendable, Equatable {
    /// Largest file read, in bytes. CloudFormation itself accepts 1 MB from S3; synthesized templates stay far
    /// below the default of 64 MiB.
    public var maxFileSize: Int
    /// Deepest nesting of lists and maps.
    public var maxDepth: Int
    /// Most YAML nodes that alias expansion may produce in one file (a "billion laughs" file hits this).
    public var maxAliasExpansion: Int

    public init(maxFileSize: Int = 64 << 20, maxDepth: Int = 512, maxAliasExpansion: Int = 1_000_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let `default` = LoadLimits()

    /// The highest `maxDepth` accepted: the recursive readers after the parser (the graph, the resolver, the
    /// checks) stay well inside a worker thread's stack at this depth.
    public static let maxDepthCeiling = 2_048
    /// The highest `maxFileSize` accepted (1 GiB).
    public static let maxFileSizeCeiling = 1 << 30
}
