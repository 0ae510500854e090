import Testing
@testable import NagLSP

/// Drives a ``LanguageServer`` the way the loop does, without timing: messages in, effects out.
struct TestSession {
    var server = LanguageServer(project: NoProjectConfiguration())
    var nextId = 1
    /// Every notification the server sent, in order.
    var notifications: [(method: String, params: JSONValue)] = []
    /// The debounced lint last scheduled.
    var scheduled: Int?
    var exitStatus: Int32?

    /// A session past `initialize` and `initialized`.
    static func started(options: JSONValue = .null) -> TestSession {
        var session = TestSession()
        _ = session.request("initialize", ["processId": nil, "rootUri": "file:///work", "capabilities": [:], "initializationOptions": options])
        session.notify("initialized", [:])
        return session
    }

    mutating func record(_ effects: [LanguageServer.Effect]) -> [OutgoingMessage] {
        var responses: [OutgoingMessage] = []
        for effect in effects {
            switch effect {
            case .send(.notification(let method, let params)): notifications.append((method, params))
            case .send(let response): responses.append(response)
            case .lintAfter(_, let generation): scheduled = generation
            case .exit(let status): exitStatus = status
            }
        }
        return responses
    }

    /// Sends a request; returns its result or error.
    mutating func request(_ method: String, _ params: JSONValue, cancelled: Bool = false) -> Result<JSONValue, RPCError> {
        let id = RequestID.number(nextId)
        nextId += 1
        let responses = record(server.receive(.request(id: id, method: method, params: params), cancelled: cancelled))
        guard responses.count == 1, case .response(let answered, let result) = responses[0], answered == id else {
            Issue.record("expected one response to \(method), got \(responses)")
            return .failure(RPCError(0, "no response"))
        }
        return result
    }

    mutating func notify(_ method: String, _ params: JSONValue) {
        let responses = record(server.receive(.notification(method: method, params: params)))
        #expect(responses.isEmpty)
    }

    /// Runs the lint the last change scheduled, as the loop does when the debounce ends.
    mutating func debounceEnds() {
        guard let generation = scheduled else { return }
        #expect(record(server.lintDue(generation: generation)).isEmpty)
    }

    mutating func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": .int(version), "text": .string(text)]])
    }

    mutating func replace(_ uri: String, _ text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(text)]]])
    }

    /// The diagnostics last published for a document.
    func diagnostics(_ uri: String) -> [JSONValue]? {
        notifications.last { $0.method == "textDocument/publishDiagnostics" && $0.params["uri"]?.stringValue == uri }?.params["diagnostics"]?.arrayValue
    }

    /// Rule id, severity, and range as `line:character-line:character`, for each diagnostic.
    func summary(_ uri: String) -> [String] {
        (diagnostics(uri) ?? []).map { diagnostic in
            let range = TextRange(diagnostic["range"])
            let where_ = range.map { "\($0.start.line):\($0.start.character)-\($0.end.line):\($0.end.character)" } ?? "?"
            return "\(diagnostic["code"]?.stringValue ?? "load") \(diagnostic["severity"]?.intValue ?? 0) \(where_)"
        }
    }
}

/// Applies text edits (non-overlapping) to a text, for checking code actions.
func applying(_ edits: [JSONValue], to text: String) -> String {
    var bytes = Array(text.utf8)
    let sorted = edits.compactMap { edit -> (TextRange, String)? in
        guard let range = TextRange(edit["range"]), let newText = edit["newText"]?.stringValue else { return nil }
        return (range, newText)
    }.sorted { $0.0.start > $1.0.start }
    for (range, newText) in sorted {
        let lines = LineTable(bytes)
        bytes.replaceSubrange(lines.offset(of: range.start)..<lines.offset(of: range.end), with: newText.utf8)
    }
    return String(decoding: bytes, as: UTF8.self)
}
