/// A line and column (both 1-based, columns counted in Unicode scalars) inside one source file.
///
/// Values carry only a `Position`; the file they came from is known to the ``Template`` that holds them,
/// which keeps every value small. ``FileLocation`` pairs the two for messages.
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored as 32-bit values: every loaded value carries a position, so this halves its size.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// The position used when nothing better is known: the start of the file.
    public static let start = Position(line: 1, column: 1)

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A file and a position in it, printed the way compilers and editors expect: `file:line:col`.
public struct FileLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var position: Position

    public init(file: String, position: Position) {
        self.file = file
        self.position = position
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, position: Position(line: line, column: column))
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    public static func < (lhs: FileLocation, rhs: FileLocation) -> Bool {
        (lhs.file, lhs.position) < (rhs.file, rhs.position)
    }

    public var description: String { "\(file):\(position.line):\(position.column)" }
}
