/// A line and column (both 1-based, columns counted in Unicode scalars) inside one source file.
///
/// Values carry only a `Position`; the file they came from is known to the ``Template`` that holds them,
/// which keeps every value small. ``FileLocation`` pairs the two for messages.
public struct Position: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored as 32-bit values: every loaded value carries a position, so this halves its size.
    fileprivate var storedLine: Int32
    fileprivate var storedColumn: Int32

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

/// A ``Position`` in 56 bits, the space ``Value`` has left after its kind: 28 bits of line and 28 of column.
///
/// Lines and columns from 0 to ``maximum`` (268,435,455) are kept exactly; larger ones are stored as the
/// maximum and smaller ones as 0. Only a file over 256 MB (four times the default size limit) can have a line
/// or column that large, and a message pointing at the last representable line is still close.
struct PackedPosition: Equatable {
    static let bits = 28
    static let maximum = (1 << bits) - 1

    var high: UInt8
    var middle: UInt16
    var low: UInt32

    init(high: UInt8, middle: UInt16, low: UInt32) {
        self.high = high
        self.middle = middle
        self.low = low
    }

    @inline(__always) init(_ position: Position) {
        let maximum = UInt64(Self.maximum)
        let line = min(UInt64(UInt32(clamping: position.storedLine)), maximum)
        let column = min(UInt64(UInt32(clamping: position.storedColumn)), maximum)
        let bits = line | column << UInt64(Self.bits)
        high = UInt8(truncatingIfNeeded: bits >> 48)
        middle = UInt16(truncatingIfNeeded: bits >> 32)
        low = UInt32(truncatingIfNeeded: bits)
    }

    var position: Position {
        let bits = UInt64(high) << 48 | UInt64(middle) << 32 | UInt64(low)
        let mask = UInt64(Self.maximum)
        var position = Position.start
        // Both halves are below 2^28, so they fit the stored 32 bits as they are.
        position.storedLine = Int32(truncatingIfNeeded: bits & mask)
        position.storedColumn = Int32(truncatingIfNeeded: bits >> UInt64(Self.bits) & mask)
        return position
    }
}
