import Testing
@testable import WebSocketServer

@Suite("backplane configuration and wire format")
struct BackplaneUnitTests {
    @Test func withoutURLTheServerRunsAlone() throws {
        #expect(try BackplaneConfiguration.fromEnvironment([:]) == nil)
        #expect(try ServerConfiguration.fromEnvironment(["BACKPLANE_URL": " "]).backplane == nil)
    }

    @Test func urlPasswordAndChannelAreRead() throws {
        let configuration = try #require(
            try BackplaneConfiguration.fromEnvironment([
                "BACKPLANE_URL": "postgres://ws%40app:in%3Aurl@db.internal:6543/broadcast?sslmode=verify-full",
                "BACKPLANE_CHANNEL": "room_1",
            ]))
        #expect(configuration == BackplaneConfiguration(
            host: "db.internal", port: 6543, username: "ws@app", password: "in:url", database: "broadcast", tls: .verifyFull, channel: "room_1"))
        #expect(configuration.payloadTable == "room_1_payloads")
        // The password from the environment (a secret) wins over the URL's; TLS is required by default.
        let fromSecret = try #require(
            try BackplaneConfiguration.fromEnvironment(["BACKPLANE_URL": "postgresql://app@db/ws", "BACKPLANE_PASSWORD": "s3cret"]))
        #expect(fromSecret.password == "s3cret")
        #expect(fromSecret.port == 5432)
        #expect(fromSecret.tls == .require)
        #expect(fromSecret.channel == "websocket_broadcast")
    }

    @Test(arguments: [
        "http://app@db/ws", "postgres://db/ws", "postgres://app@db", "postgres://app@db:0/ws", "postgres://app@db:x/ws",
        "postgres://app:pw@db/ws?sslmode=sometimes", "postgres://app@db/ws?timeout=3", "postgres://app@/ws",
    ])
    func malformedURLsAreRefusedWithoutEchoingThePassword(url: String) throws {
        let error = try #require(throws: ServerConfiguration.InvalidSetting.self) {
            try BackplaneConfiguration.fromEnvironment(["BACKPLANE_URL": url])
        }
        #expect(error.variable == "BACKPLANE_URL")
        #expect(!error.description.contains("pw@"))
    }

    @Test func channelMustBeAnIdentifierAndSettingsNeedAURL() throws {
        #expect(throws: ServerConfiguration.InvalidSetting.self) {
            try BackplaneConfiguration.fromEnvironment(["BACKPLANE_URL": "postgres://a@b/c", "BACKPLANE_CHANNEL": "Room; DROP"])
        }
        #expect(throws: ServerConfiguration.InvalidSetting.self) {
            try BackplaneConfiguration.fromEnvironment(["BACKPLANE_PASSWORD": "x"])
        }
    }

    @Test func envelopesRoundTrip() {
        let inline = BackplaneEnvelope(sender: "00ab", sequence: 7, body: .inline(#"{"message":"a b c"}"#))
        #expect(inline.payload == #"v1 00ab 7 i {"message":"a b c"}"#)
        #expect(BackplaneEnvelope(payload: inline.payload) == inline)
        let row = BackplaneEnvelope(sender: "00ab", sequence: 8, body: .row(42))
        #expect(row.payload == "v1 00ab 8 r 42")
        #expect(BackplaneEnvelope(payload: row.payload) == row)
        for bad in ["", "v2 00ab 1 i x", "v1 00ab x i y", "v1 00ab 1 r nine", "v1 00ab 1 q x", "v1  1 i x"] {
            #expect(BackplaneEnvelope(payload: bad) == nil, "\(bad)")
        }
    }

    @Test func trackerReportsGapsAndDropsRepeats() {
        var tracker = SequenceTracker()
        #expect(tracker.observe(sender: "a", sequence: 5) == .next)
        #expect(tracker.observe(sender: "a", sequence: 6) == .next)
        #expect(tracker.observe(sender: "b", sequence: 1) == .next)
        #expect(tracker.observe(sender: "a", sequence: 6) == .repeated)
        #expect(tracker.observe(sender: "a", sequence: 10) == .afterGap(missed: 3))
        #expect(tracker.observe(sender: "a", sequence: 9) == .repeated)
    }

    @Test func retryDelayDoublesUpToTheCap() {
        for attempt in 0..<40 {
            let delay = PostgresBackplane.retryDelay(attempt: attempt, first: .milliseconds(250), max: .seconds(5))
            let ceiling = min(Duration.milliseconds(250) * (1 << min(attempt, 16)), .seconds(5))
            #expect(delay >= ceiling / 2 && delay <= ceiling)
        }
    }
}
