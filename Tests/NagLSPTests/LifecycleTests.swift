import Testing
@testable import NagLSP

@Suite struct LifecycleTests {
    @Test func refusesRequestsBeforeInitializeAndIgnoresNotifications() {
        var session = TestSession()
        #expect(session.request("textDocument/hover", [:]) == .failure(RPCError(RPCError.serverNotInitialized, "the server has not been initialized")))
        session.open("file:///t.yaml", "Resources: {}")
        #expect(session.notifications.isEmpty)
    }

    @Test func announcesWhatItDoes() throws {
        var session = TestSession()
        let result = try session.request("initialize", ["capabilities": [:]]).get()
        let capabilities = result["capabilities"]
        #expect(capabilities?["textDocumentSync"] == ["openClose": true, "change": 2, "save": ["includeText": false]])
        #expect(capabilities?["hoverProvider"] == true)
        #expect(capabilities?["codeActionProvider"] == ["codeActionKinds": ["quickfix"]])
        #expect(capabilities?["positionEncoding"] == "utf-16")
        #expect(result["serverInfo"]?["name"] == "nag")
        guard case .failure(let again) = session.request("initialize", ["capabilities": [:]]) else { Issue.record("second initialize accepted"); return }
        #expect(again.code == RPCError.invalidRequest)
    }

    @Test func shutsDownThenExitsWithZero() {
        var session = TestSession.started()
        #expect(session.request("shutdown", .null) == .success(.null))
        guard case .failure(let after) = session.request("textDocument/hover", [:]) else { Issue.record("request after shutdown answered"); return }
        #expect(after.code == RPCError.invalidRequest)
        session.notify("exit", .null)
        #expect(session.exitStatus == 0)
    }

    @Test func exitWithoutShutdownIsOne() {
        var session = TestSession.started()
        session.notify("exit", .null)
        #expect(session.exitStatus == 1)
    }

    @Test func answersUnknownMethodsAndBadParamsWithErrors() {
        var session = TestSession.started()
        guard case .failure(let unknown) = session.request("textDocument/completion", [:]),
              case .failure(let badParams) = session.request("textDocument/hover", ["textDocument": ["uri": "file:///x"]]) else {
            Issue.record("expected errors"); return
        }
        #expect(unknown.code == RPCError.methodNotFound)
        #expect(badParams.code == RPCError.invalidParams)
        // A notification cannot be answered: its problem is logged.
        session.notify("textDocument/didChange", ["textDocument": ["uri": "file:///not-open.yaml"], "contentChanges": []])
        #expect(session.notifications.last?.method == "window/logMessage")
        #expect(session.notifications.last?.params["message"]?.stringValue?.contains("not open") == true)
        // Unknown notifications are ignored.
        let before = session.notifications.count
        session.notify("$/somethingNew", [:])
        #expect(session.notifications.count == before)
    }

    @Test func answersMalformedMessagesAndCancelledRequests() {
        var session = TestSession.started()
        let effects = session.server.receive(IncomingMessage(content: Array("{not json".utf8)))
        #expect(effects == [.send(.response(id: nil, result: .failure(RPCError(RPCError.parseError, "the message is not valid JSON"))))])
        guard case .failure(let cancelled) = session.request("textDocument/hover", [:], cancelled: true) else { Issue.record("not cancelled"); return }
        #expect(cancelled.code == RPCError.requestCancelled)
    }

    @Test func tracesAnalysesWhenAsked() {
        var session = TestSession.started()
        session.notify("$/setTrace", ["value": "verbose"])
        session.open("file:///work/t.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n")
        let trace = session.notifications.last { $0.method == "$/logTrace" }
        #expect(trace?.params["message"]?.stringValue?.hasPrefix("nag: analysed 1 document(s) in ") == true)
        #expect(trace?.params["verbose"]?.stringValue?.contains("finding(s)") == true)
    }
}
