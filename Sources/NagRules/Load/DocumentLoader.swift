#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The syntax a template is written in.
public enum TemplateFormat: String, Sendable, CaseIterable {
    case json, yaml

    /// The format a file name implies: `.json` is JSON, `.yaml`/`.yml` YAML; anything else is decided by content.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".json") { self = .json } else if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { self = .yaml } else { return nil }
    }
}

/// A parsed document: the root value with positions, the syntax it was written in, and the parser's
/// warnings (an unknown YAML tag, say).
package struct LoadedDocument: Sendable {
    package var root: Value
    package var format: TemplateFormat
    package var warnings: [LoadDiagnostic]
    /// The references the document's intrinsic functions write, counted while parsing
    /// (``Intrinsic/ownReferenceEstimate``): what the graph sizes its list of references by.
    package var referenceEstimate = 0
}

/// Reads files and parses bytes into values with file, line and column: the Load stage, before anything
/// knows what a CloudFormation template is. Never crashes on bad input: every failure is a located
/// ``LoadDiagnostic``.
package struct DocumentLoader: Sendable {
    package var limits: LoadLimits

    package init(limits: LoadLimits = .default) {
        self.limits = limits
    }

    /// Parses `bytes`; `file` names them in positions and messages. With no `format`, a document whose first
    /// character is `{` is read as JSON and anything else as YAML.
    package func parse(bytes: [UInt8], file: String, format: TemplateFormat? = nil) throws(LoadDiagnostic) -> LoadedDocument {
        let start = FileLocation(file: file, line: 1, column: 1)
        guard bytes.count <= limits.maxFileSize else {
            throw LoadDiagnostic("file is \(bytes.count) bytes, over the limit of \(limits.maxFileSize) bytes (raise it with --max-file-size)", at: start)
        }
        // memchr: a 5 MB template is scanned in well under a millisecond (a byte loop takes several).
        let nulOffset = bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
        if let encoding = Self.wideEncoding(of: bytes) {
            throw LoadDiagnostic("the file is \(encoding) text; templates are UTF-8: save it as UTF-8", at: start)
        }
        if let nul = nulOffset {
            throw LoadDiagnostic("binary file: NUL byte at offset \(nul); templates are UTF-8 text", at: Self.location(ofOffset: nul, in: bytes, file: file))
        }
        let firstContent = bytes.firstIndex(where: { !Self.isSpaceOrBOM($0) })
        guard let firstContent else {
            throw LoadDiagnostic("empty file: a template needs at least a Resources section", at: start)
        }
        let syntax = format ?? (bytes[firstContent] == UInt8(ascii: "{") ? .json : .yaml)
        let root: Value
        var warnings: [ParseError] = []
        var references = 0
        do {
            root = try bytes.withUnsafeBytes { raw in
                switch syntax {
                case .json: try JSONParser.parse(raw, limits: limits, warnings: &warnings, referenceEstimate: &references)
                case .yaml: try YAMLParser.parse(raw, limits: limits, warnings: &warnings, referenceEstimate: &references)
                }
            }
        } catch let error as ParseError {
            throw error.diagnostic(file: file)
        } catch {
            throw LoadDiagnostic("\(error)", at: start)
        }
        return LoadedDocument(root: root, format: syntax, warnings: warnings.map {
            var diagnostic = $0.diagnostic(file: file)
            diagnostic.severity = .warning
            return diagnostic
        }, referenceEstimate: references)
    }

    /// `UTF-16` or `UTF-32` (with their byte order) when the bytes start with that byte order mark, or look like
    /// UTF-16 without one (every other byte of the first ones is zero); nil otherwise.
    static func wideEncoding(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32 (little-endian)" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        let head = bytes.prefix(16)
        guard head.count >= 4, head.count % 2 == 0 else { return nil }
        let even = stride(from: head.startIndex, to: head.endIndex, by: 2).map { head[$0] }
        let odd = stride(from: head.startIndex + 1, to: head.endIndex, by: 2).map { head[$0] }
        if odd.allSatisfy({ $0 == 0 }), even.allSatisfy({ $0 != 0 && $0 < 0x80 }) { return "UTF-16 (little-endian)" }
        if even.allSatisfy({ $0 == 0 }), odd.allSatisfy({ $0 != 0 && $0 < 0x80 }) { return "UTF-16 (big-endian)" }
        return nil
    }

    private static func isSpaceOrBOM(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF
    }

    private static func location(ofOffset offset: Int, in bytes: [UInt8], file: String) -> FileLocation {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return FileLocation(file: file, line: line, column: offset - lineStart + 1)
    }

    /// Reads a whole file with the limit applied before reading, so a huge file is refused without loading it.
    package func readFile(_ path: String) throws(LoadDiagnostic) -> [UInt8] {
        let start = FileLocation(file: path, line: 1, column: 1)
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw LoadDiagnostic("cannot open: \(String(cString: strerror(errno)))", at: start)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw LoadDiagnostic("cannot read: \(String(cString: strerror(errno)))", at: start)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LoadDiagnostic("is a directory, not a template", at: start)
        case S_IFIFO: throw LoadDiagnostic("is a named pipe (FIFO), not a regular file; to read a stream, pipe it to `nag -`", at: start)
        case S_IFSOCK: throw LoadDiagnostic("is a socket, not a regular file", at: start)
        case S_IFCHR, S_IFBLK: throw LoadDiagnostic("is a device, not a regular file", at: start)
        default: throw LoadDiagnostic("is not a regular file", at: start)
        }
        let size = Int(info.st_size)
        if size > limits.maxFileSize {
            throw LoadDiagnostic("file is \(size) bytes, over the limit of \(limits.maxFileSize) bytes (raise it with --max-file-size)", at: start)
        }
        return try readAll(fd, name: path, sizeHint: size)
    }

    /// Reads standard input to its end, in chunks, refusing it as soon as it passes the size limit; a read
    /// error (a closed or unreadable descriptor, a directory given as input) is a diagnostic, never a trap.
    public func readStandardInput() throws(LoadDiagnostic) -> [UInt8] {
        try readAll(STDIN_FILENO, name: "-", sizeHint: 0)
    }

    /// Reads `fd` to its end under the size limit. A file whose size is known is read straight into an array of
    /// that size plus one byte (the extra byte shows whether it grew since); anything more is read in chunks.
    private func readAll(_ fd: Int32, name: String, sizeHint size: Int) throws(LoadDiagnostic) -> [UInt8] {
        let start = FileLocation(file: name, line: 1, column: 1)
        var failure: Int32?
        let capacity = size > 0 ? min(size, limits.maxFileSize) + 1 : 0
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < buffer.count, let base = buffer.baseAddress {
                let got = read(fd, base + count, buffer.count - count)
                if got > 0 {
                    count += got
                } else if got == 0 || errno != EINTR {
                    if got < 0 { failure = errno }
                    return
                }
            }
        }
        if let failure, failure != EAGAIN {
            throw LoadDiagnostic("cannot read: \(String(cString: strerror(failure)))", at: start)
        }
        if capacity > 0 && bytes.count < capacity && failure == nil { return bytes }
        let overLimit = LoadDiagnostic("\(name == "-" ? "standard input" : "file") is over the limit of \(limits.maxFileSize) bytes (raise it with --max-file-size)", at: start)
        if bytes.count > limits.maxFileSize { throw overLimit }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {  // a descriptor opened without blocking and not ready yet: wait for data
                    var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                throw LoadDiagnostic("cannot read: \(String(cString: strerror(errno)))", at: start)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limits.maxFileSize { throw overLimit }
        }
        return bytes
    }
}
