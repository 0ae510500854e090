import NagRules

/// The language server's state and what it does with each message, as a value: it takes a message and returns
/// what to do (messages to send, a lint to schedule, the process to end). Timing and I/O belong to
/// ``ServerLoop``, so every handler can be tested by feeding messages and reading effects.
public struct LanguageServer: Sendable {
    /// What the connection asks of its owner.
    public enum Effect: Sendable, Equatable {
        case send(OutgoingMessage)
        /// Call ``lintDue(generation:)`` after this delay (the debounce after a change).
        case lintAfter(milliseconds: Int, generation: Int)
        /// `exit`: end the process with this status (0 after `shutdown`, 1 without).
        case exit(Int32)
    }

    enum Phase: Sendable, Equatable { case waiting, running, shuttingDown }

    var phase = Phase.waiting
    public private(set) var documents = DocumentStore()
    var analyses: [String: DocumentAnalysis] = [:]
    /// The diagnostics last published per document, so a re-analysis sends only what changed.
    var published: [String: [JSONValue]] = [:]
    /// Documents changed since they were last analysed.
    var dirty = Set<String>()
    /// Counts changes; a scheduled lint for an older generation has been superseded.
    var generation = 0
    var clientSettings: JSONValue = .null
    public private(set) var settings = ServerSettings()
    var customPacks: [RulePack] = []
    var root: String?
    /// `$/setTrace`: off, messages or verbose.
    var trace = "off"
    let project: any ProjectConfiguration
    /// Effects a request leaves behind, sent after its response (diagnostics brought up to date, problems
    /// with the settings given at `initialize`).
    var deferred: [Effect] = []

    public init(project: any ProjectConfiguration = ProjectConfigurationFile()) {
        self.project = project
    }

    /// Whether `shutdown` was received: the input ending now is a clean end.
    public var hasShutDown: Bool { phase == .shuttingDown }

    /// Handles one message. `cancelled`: the client sent `$/cancelRequest` for it before it was handled.
    public mutating func receive(_ message: IncomingMessage, cancelled: Bool = false) -> [Effect] {
        switch message {
        case .invalid(let id, let error):
            return [.send(.response(id: id, result: .failure(error)))]
        case .response:
            return []
        case .notification(let method, let params):
            return notification(method, params)
        case .request(let id, let method, let params):
            if cancelled { return [reply(id, .failure(RPCError(RPCError.requestCancelled, "cancelled by the client")))] }
            let result = request(method, params)
            defer { deferred = [] }
            return [reply(id, result)] + deferred
        }
    }

    /// The debounce after a change has passed: analyse, unless a later change has scheduled another.
    public mutating func lintDue(generation: Int) -> [Effect] {
        guard generation == self.generation, phase == .running, !dirty.isEmpty else { return [] }
        return analyze()
    }

    private func reply(_ id: RequestID, _ result: Result<JSONValue, RPCError>) -> Effect {
        .send(.response(id: id, result: result))
    }

    private mutating func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, RPCError> {
        switch phase {
        case .waiting where method != "initialize":
            return .failure(RPCError(RPCError.serverNotInitialized, "the server has not been initialized"))
        case .shuttingDown:
            return .failure(RPCError(RPCError.invalidRequest, "the server is shutting down"))
        default: break
        }
        do throws(RPCError) {
            switch method {
            case "initialize": return .success(try initialize(params))
            case "shutdown":
                phase = .shuttingDown
                return .success(.null)
            case "textDocument/hover": return .success(try hover(params))
            case "textDocument/codeAction": return .success(try codeActions(params))
            default: return .failure(RPCError(RPCError.methodNotFound, "nag lsp does not handle \(method)"))
            }
        } catch {
            return .failure(error)
        }
    }

    private mutating func notification(_ method: String, _ params: JSONValue) -> [Effect] {
        if method == "exit" { return [.exit(phase == .shuttingDown ? 0 : 1)] }
        guard phase == .running else { return [] }
        do throws(RPCError) {
            switch method {
            case "initialized", "$/cancelRequest": return []
            case "$/setTrace":
                if let value = params["value"]?.stringValue, ["off", "messages", "verbose"].contains(value) { trace = value }
                return []
            case "textDocument/didOpen":
                dirty.insert(try documents.open(params))
                return analyze()
            case "textDocument/didChange":
                dirty.insert(try documents.change(params))
                generation += 1
                if settings.debounceMilliseconds == 0 { return analyze() }
                return [.lintAfter(milliseconds: settings.debounceMilliseconds, generation: generation)]
            case "textDocument/didSave":
                let uri = try documents.save(params)
                if DocumentURI.path(of: uri).hasSuffix("/" + NagConfig.fileName) { return configure() }
                guard documents[uri] != nil else { return [] }
                dirty.insert(uri)
                return analyze()
            case "textDocument/didClose":
                let uri = try documents.close(params)
                analyses[uri] = nil
                dirty.remove(uri)
                var effects: [Effect] = published.removeValue(forKey: uri) == nil ? [] : [publish(uri: uri, version: nil, [])]
                if !documents.all.isEmpty { effects += analyze() }
                return effects
            case "workspace/didChangeConfiguration":
                clientSettings = params["settings"] ?? .null
                return configure()
            default:
                return []
            }
        } catch {
            return [log(.error, "\(method): \(error.message)")]
        }
    }

    // MARK: - Lifecycle and configuration

    private mutating func initialize(_ params: JSONValue) throws(RPCError) -> JSONValue {
        guard phase == .waiting else { throw RPCError(RPCError.invalidRequest, "initialize was already received") }
        guard params.objectValue != nil else { throw .invalidParams("initialize needs an object of parameters") }
        let folder = params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue ?? params["rootUri"]?.stringValue
        root = folder.map(DocumentURI.path(of:)) ?? params["rootPath"]?.stringValue
        if let value = params["trace"]?.stringValue { trace = value }
        clientSettings = params["initializationOptions"] ?? .null
        phase = .running
        deferred = configure()
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "nag", "version": .string(NagVersion.current)],
        ]
    }

    /// Reads the settings (project file, then the client's), reloads custom packs, and analyses every document
    /// again. Settings that do not work are reported and the previous ones kept.
    private mutating func configure() -> [Effect] {
        var (next, problems) = project.apply(to: ServerSettings(), root: root)
        let client = next.applying(clientSettings)
        next = client.settings
        problems += client.problems
        var packs = customPacks
        switch next.loadCustomPacks(root: root) {
        case .success(let loaded): packs = loaded
        case .failure(let errors): problems += errors.diagnostics.map(\.description)
        }
        do {
            _ = try next.linter(customPacks: packs).selection.ruleSet(from: BuiltInPacks.all + packs)
            settings = next
            customPacks = packs
        } catch {
            problems.append("\(error); the previous settings stay in force")
        }
        var effects = problems.map { showMessage(.error, "nag: \($0)") }
        dirty.formUnion(documents.documents.keys)
        published = [:]
        if !documents.all.isEmpty { effects += analyze() }
        return effects
    }
}

/// Where settings kept beside the templates come from (``ProjectConfigurationFile``: `.nag.yaml` in the
/// workspace folder). Settings apply in order: nag's defaults, the project's, then the editor's.
public protocol ProjectConfiguration: Sendable {
    /// `settings` with the project's configuration under `root` applied, and problems to report.
    func apply(to settings: ServerSettings, root: String?) -> (ServerSettings, [String])
}

/// No project configuration: nag's defaults, then the editor's settings (for tests).
public struct NoProjectConfiguration: ProjectConfiguration {
    public init() {}
    public func apply(to settings: ServerSettings, root: String?) -> (ServerSettings, [String]) { (settings, []) }
}
