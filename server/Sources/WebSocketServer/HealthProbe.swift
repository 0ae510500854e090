import NIOCore
import NIOPosix

/// What `websocket-server healthcheck` does: GET /health on the local server, without curl.
public enum HealthProbe {
    public enum Result: Sendable, Equatable {
        case healthy
        case unhealthy(String)
    }

    public static func check(host: String = "127.0.0.1", port: Int, path: String = "/health", timeout: Duration = .seconds(3)) async -> Result {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.nanoseconds(timeout.nanosecondsClamped))
                .connect(host: host, port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            let raw = channel.channel
            let timer = raw.eventLoop.scheduleTask(in: .nanoseconds(timeout.nanosecondsClamped)) {
                raw.close(promise: nil)
            }
            defer { timer.cancel() }
            let response = try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n"))
                var received = ByteBuffer()
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                    if received.readableBytes > 64 * 1024 { break }
                }
                return String(buffer: received)
            }
            let statusLine = response.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
            if statusLine.hasPrefix("HTTP/1.1 200") || statusLine.hasPrefix("HTTP/1.0 200") {
                return .healthy
            }
            return .unhealthy(statusLine.isEmpty ? "no response" : statusLine)
        } catch {
            return .unhealthy("\(error)")
        }
    }
}

extension Duration {
    var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = self.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : product + attoseconds / 1_000_000_000
    }
}
