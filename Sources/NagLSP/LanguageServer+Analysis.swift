import Foundation
import NagRules

extension LanguageServer {
    /// LSP's message types for `window/showMessage` and `window/logMessage`.
    enum MessageType: Int { case error = 1, warning, info, log }

    /// Analyses every open document together and publishes the diagnostics of those that changed, or whose
    /// diagnostics did (a parent's edit changes what its nested stack is checked with).
    mutating func analyze() -> [Effect] {
        let started = ContinuousClock.now
        let startedCPU = Self.processCPUMilliseconds()
        let all = documents.all
        let results: [String: DocumentAnalysis]
        do {
            results = try Analyzer(settings: settings, customPacks: customPacks, root: root).analyze(all)
        } catch {
            dirty = []
            return [showMessage(.error, "nag: \(error)")]
        }
        analyses = results
        let builder = DiagnosticBuilder(settings: settings)
        var effects: [Effect] = []
        var counts = (findings: 0, published: 0)
        for document in all {
            guard let analysis = results[document.uri] else { continue }
            let diagnostics = builder.diagnostics(for: analysis)
            counts.findings += analysis.findings.count
            if dirty.contains(document.uri) || published[document.uri] != diagnostics {
                published[document.uri] = diagnostics
                effects.append(publish(uri: document.uri, version: document.version, diagnostics))
                counts.published += 1
            }
        }
        dirty = []
        if trace != "off" {
            let elapsed = ContinuousClock.now - started
            let tenths = Int(((Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000) * 10).rounded())
            var params: [String: JSONValue] = [
                "message": .string("nag: analysed \(all.count) document(s) in \(tenths / 10).\(tenths % 10) ms (CPU \(Int(Self.processCPUMilliseconds() - startedCPU)) ms)"),
            ]
            if trace == "verbose" {
                params["verbose"] = .string("\(counts.findings) finding(s); diagnostics published for \(counts.published) document(s)")
            }
            effects.append(.send(.notification(method: "$/logTrace", params: .object(params))))
        }
        return effects
    }

    /// The analysis of an open document, brought up to date first when it has changed since (a hover or a
    /// code action during the debounce must not read positions of the text before the change).
    mutating func currentAnalysis(_ params: JSONValue) throws(RPCError) -> DocumentAnalysis? {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw .invalidParams("the request needs textDocument.uri")
        }
        if !dirty.isEmpty { deferred += analyze() }
        return analyses[uri]
    }

    mutating func hover(_ params: JSONValue) throws(RPCError) -> JSONValue {
        guard let position = TextPosition(params["position"]) else {
            throw .invalidParams("hover needs a position {line, character}")
        }
        guard let analysis = try currentAnalysis(params) else { return .null }
        return HoverProvider(builder: DiagnosticBuilder(settings: settings)).hover(at: position, in: analysis)
    }

    mutating func codeActions(_ params: JSONValue) throws(RPCError) -> JSONValue {
        guard let analysis = try currentAnalysis(params) else { return [] }
        return try CodeActionProvider(builder: DiagnosticBuilder(settings: settings)).actions(for: params, in: analysis)
    }

    /// CPU time the process has used, all threads, for the trace (load on the machine inflates wall time).
    static func processCPUMilliseconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    func publish(uri: String, version: Int?, _ diagnostics: [JSONValue]) -> Effect {
        var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .int(version) }
        return .send(.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
    }

    func log(_ type: MessageType, _ message: String) -> Effect {
        .send(.notification(method: "window/logMessage", params: ["type": .int(type.rawValue), "message": .string(message)]))
    }

    func showMessage(_ type: MessageType, _ message: String) -> Effect {
        .send(.notification(method: "window/showMessage", params: ["type": .int(type.rawValue), "message": .string(message)]))
    }
}
