/// A request's id: JSON-RPC allows a number or a string.
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case string(String)

    init?(_ value: JSONValue?) {
        if let n = value?.intValue { self = .number(n) } else if let s = value?.stringValue { self = .string(s) } else { return nil }
    }

    var json: JSONValue {
        switch self {
        case .number(let n): .int(n)
        case .string(let s): .string(s)
        }
    }

    public var description: String { json.rendered() }
}

/// A JSON-RPC error: the code and a message saying what was wrong.
public struct RPCError: Error, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    /// LSP: a request before `initialize`.
    public static let serverNotInitialized = -32002
    /// LSP: the client cancelled the request (`$/cancelRequest`).
    public static let requestCancelled = -32800

    public static func invalidParams(_ message: String) -> RPCError { RPCError(invalidParams, message) }
}

/// One message received, classified; or why it is not a valid JSON-RPC 2.0 message.
public enum IncomingMessage: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// A response to a request of ours (nag sends none today; responses are read and ignored).
    case response(id: RequestID?)
    /// Not a valid message: the error to answer with, and the id when one could be read.
    case invalid(id: RequestID?, error: RPCError)

    /// Decodes and classifies one frame's content.
    public init(content: [UInt8]) {
        guard let value = try? JSONValue(parsing: content) else {
            self = .invalid(id: nil, error: RPCError(RPCError.parseError, "the message is not valid JSON"))
            return
        }
        self.init(value)
    }

    init(_ value: JSONValue) {
        guard let members = value.objectValue else {
            let what = value.arrayValue != nil ? "a batch (an array), which LSP does not use" : "not a JSON object"
            self = .invalid(id: nil, error: RPCError(RPCError.invalidRequest, "the message is \(what)"))
            return
        }
        let idValue = members["id"]
        let id = RequestID(idValue)
        guard members["jsonrpc"]?.stringValue == "2.0" else {
            self = .invalid(id: id, error: RPCError(RPCError.invalidRequest, "the message does not say \"jsonrpc\": \"2.0\""))
            return
        }
        if let idValue, !idValue.isNull, id == nil {
            self = .invalid(id: nil, error: RPCError(RPCError.invalidRequest, "the id is neither a number nor a string"))
            return
        }
        guard let methodValue = members["method"] else {
            if members["result"] != nil || members["error"] != nil {
                self = .response(id: id)
            } else {
                self = .invalid(id: id, error: RPCError(RPCError.invalidRequest, "the message has no method"))
            }
            return
        }
        guard let method = methodValue.stringValue else {
            self = .invalid(id: id, error: RPCError(RPCError.invalidRequest, "the method is not a string"))
            return
        }
        let params = members["params"] ?? .null
        if case .bool = params {
            self = .invalid(id: id, error: RPCError(RPCError.invalidRequest, "params must be an object or an array"))
            return
        }
        if let id { self = .request(id: id, method: method, params: params) } else { self = .notification(method: method, params: params) }
    }
}

/// Messages the server sends.
public enum OutgoingMessage: Sendable, Equatable {
    case response(id: RequestID?, result: Result<JSONValue, RPCError>)
    case notification(method: String, params: JSONValue)

    public var json: JSONValue {
        switch self {
        case .response(let id, .success(let result)):
            ["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]
        case .response(let id, .failure(let error)):
            ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": ["code": .int(error.code), "message": .string(error.message)]]
        case .notification(let method, let params):
            ["jsonrpc": "2.0", "method": .string(method), "params": params]
        }
    }

    /// The framed bytes to write.
    public var framed: [UInt8] { FrameParser.encode(Array(json.rendered().utf8)) }
}
