import ArgumentParser
import Dispatch
import Logging
import WebSocketServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct WebSocketServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "websocket-server",
        abstract: "WebSocket broadcast server (settings come from environment variables; see README.md).",
        subcommands: [Serve.self, Healthcheck.self],
        defaultSubcommand: Serve.self
    )
}

/// The variables the server reads (getenv, not `environ`, which is shared mutable state).
func environment() -> [String: String] {
    var result: [String: String] = [:]
    for name in ServerConfiguration.environmentVariables {
        if let value = getenv(name) {
            result[name] = String(cString: value)
        }
    }
    return result
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server (the default).")

    func run() async throws {
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration.fromEnvironment(environment())
        } catch {
            writeToStandardError("websocket-server: \(error)\n")
            throw ExitCode(2)
        }
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLineLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = level
                return handler
            }
        }
        let logger = Logger(label: "websocket-server")
        logger.info(
            "starting",
            metadata: [
                "host": "\(configuration.host)", "port": "\(configuration.port)",
                "ping.interval.s": "\(configuration.pingInterval)", "max.message.bytes": "\(configuration.maxMessageBytes)",
                "drain.timeout": "\(configuration.drainTimeout)", "client.queue.size": "\(configuration.clientQueueSize)",
                "max.connections": "\(configuration.maxConnections)",
                "head.timeout": "\(configuration.headTimeout)",
                "origin.verify": "\(configuration.originVerify.map { "header \($0.header)" } ?? "off")",
                "backplane": "\(configuration.backplane.map { "postgres \($0.host):\($0.port)/\($0.database) channel \($0.channel)" } ?? "off")",
            ]
        )
        // Last resort: if the drain and the server's own shutdown have not finished shortly
        // after the drain limit, exit 1 anyway rather than hang until SIGKILL.
        let watchdogDelay = configuration.drainTimeout + .seconds(3)
        let server = BroadcastServer(configuration: configuration, logger: logger) {
            let (seconds, attoseconds) = watchdogDelay.components
            let delay = DispatchTimeInterval.milliseconds(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                logger.critical("shutdown: watchdog fired, exiting with status 1")
                terminateProcess(1)
            }
        }
        let descriptorLimit = BroadcastServer.descriptorLimit
        if let descriptorLimit, descriptorLimit < configuration.maxConnections + server.pendingConnectionLimit + 64 {
            logger.warning(
                "descriptor limit is below what MAX_CONNECTIONS needs: raise ulimit -n (nofile)",
                metadata: [
                    "nofile": "\(descriptorLimit)", "max.connections": "\(configuration.maxConnections)",
                    "max.pending.connections": "\(server.pendingConnectionLimit)",
                ]
            )
        }
        let outcome: ShutdownOutcome
        do {
            outcome = try await server.run { port in
                // With PORT=0 this is where the chosen port is learned (the tests rely on this line).
                logger.notice("listening", metadata: ["port": "\(port)", "max.pending.connections": "\(server.pendingConnectionLimit)"])
            }
        } catch {
            logger.critical("server failed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        switch outcome {
        case .drained:
            return
        case .drainTimedOut, .notShutDown:
            throw ExitCode(1)
        }
    }
}

struct Healthcheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Probe GET /health on the local server; exit 0 if it answers 200, else 1 (for container HEALTHCHECK)."
    )

    @Option(help: "Host to probe.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to probe (default: $PORT, else 8080).")
    var port: Int?

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 3

    func run() async throws {
        let port = self.port ?? environment()["PORT"].flatMap { Int($0) } ?? 8080
        let result = await HealthProbe.check(host: host, port: port, timeout: .milliseconds(Int64(timeout * 1000)))
        switch result {
        case .healthy:
            print("healthy")
        case .unhealthy(let why):
            print("unhealthy: \(why)")
            throw ExitCode(1)
        }
    }
}

func writeToStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        _ = write(2, raw.baseAddress!, raw.count)
    }
}

/// `exit` under another name: inside the command types, `exit` means ArgumentParser's.
func terminateProcess(_ status: Int32) -> Never {
    exit(status)
}
