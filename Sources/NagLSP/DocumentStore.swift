import Foundation

/// The documents the client has open, by URI, kept as the client edits them.
public struct DocumentStore: Sendable {
    public private(set) var documents: [String: TextDocument] = [:]

    public init() {}

    public subscript(uri: String) -> TextDocument? { documents[uri] }

    /// The open documents in a stable order (by URI).
    public var all: [TextDocument] { documents.keys.sorted().compactMap { documents[$0] } }

    /// `textDocument/didOpen`: a document opened again replaces the one held.
    public mutating func open(_ params: JSONValue) throws(RPCError) -> String {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.stringValue, let text = item?["text"]?.stringValue else {
            throw .invalidParams("didOpen needs textDocument with uri and text")
        }
        documents[uri] = TextDocument(uri: uri, version: item?["version"]?.intValue,
                                      languageId: item?["languageId"]?.stringValue ?? "", text: text)
        return uri
    }

    /// `textDocument/didChange`: applies the changes in order. A change to a document that is not open is an
    /// error (the client and the server disagree); the document is left as it was when a change is malformed.
    public mutating func change(_ params: JSONValue) throws(RPCError) -> String {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("didChange needs textDocument.uri")
        }
        guard var document = documents[uri] else { throw .invalidParams("didChange for \(uri), which is not open") }
        guard let changes = params["contentChanges"]?.arrayValue else {
            throw .invalidParams("didChange needs contentChanges")
        }
        try document.apply(changes)
        document.version = params["textDocument"]?["version"]?.intValue ?? document.version
        documents[uri] = document
        return uri
    }

    /// `textDocument/didSave`: takes the saved text when the client includes it.
    public mutating func save(_ params: JSONValue) throws(RPCError) -> String {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("didSave needs textDocument.uri")
        }
        if let text = params["text"]?.stringValue, let document = documents[uri] {
            documents[uri] = TextDocument(uri: uri, version: document.version, languageId: document.languageId, text: text)
        }
        return uri
    }

    /// `textDocument/didClose`.
    public mutating func close(_ params: JSONValue) throws(RPCError) -> String {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("didClose needs textDocument.uri")
        }
        documents[uri] = nil
        return uri
    }
}

/// File URIs and the paths nag names files by.
enum DocumentURI {
    /// The path of a `file:` URI (percent-decoded); any other URI is its own name (an unsaved buffer).
    static func path(of uri: String) -> String {
        guard uri.lowercased().hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return uri }
        let path = url.path
        return path.isEmpty ? uri : path
    }

    /// Whether the URI names a file on disk (whose folder holds the templates it nests).
    static func isFile(_ uri: String) -> Bool { uri.lowercased().hasPrefix("file:") }

    /// The `file:` URI of a path.
    static func uri(ofPath path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}
