import Foundation
import Hummingbird
import Logging
import PosGuide
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `posguide serve`: builds the site into memory, serves it, and rebuilds on every save.
public enum PreviewServer {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        /// Print each rebuild's stage times.
        public var verbose: Bool

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8080, verbose: Bool = false) {
            self.build = build
            self.host = host
            self.port = port
            self.verbose = verbose
        }
    }

    /// Runs until SIGINT or SIGTERM; returns the exit code.
    public static func run(_ options: Options) async -> Int32 {
        let printer = Printer()
        if let problem = portProblem(host: options.host, port: options.port) {
            printer.error("posguide: error: \(problem)")
            return 2
        }

        if !["127.0.0.1", "::1", "localhost"].contains(options.host) {
            printer.error("posguide: warning: listening on \(options.host): other machines on the network can read the preview, drafts included if --drafts")
        }
        let state = PreviewStateBox()
        let limits = ServeLimits.fromEnvironment()
        let events = EventHub(limit: limits.liveConnections)
        let indexer = SearchIndexer.locate(source: options.build.source)
        let search = indexer.map(PreviewSearchIndex.init)
        let rebuilder = Rebuilder(site: PreviewSite(options: options.build), state: state, events: events, search: search,
                                  verbose: options.verbose) { line, isError in
            isError ? printer.error(line) : printer.out(line)
        }
        printer.out("building \(options.build.source.path) …")
        let first = rebuilder.initialBuild()
        printer.out(first.succeeded
            ? first.statistics.summary
            : "posguide: the first build failed; serving its errors until a save fixes them")
        if indexer == nil { printer.out(SearchIndexer.skippedNote) }

        let watcher = FileWatcher(root: options.build.source) { changes in rebuilder.submit(changes) }
        let mechanism = watcher.start()

        var logger = Logger(label: "posguide.serve")
        logger.logLevel = .error
        let app = Application(
            responder: SiteResponder(state: state, events: events),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [RequestHeadLimit(limits: limits)],
                idleTimeout: .seconds(Int64(limits.slowClientSeconds)),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.headBytes, maxHeaderListSize: limits.headBytes, maxHeaderFieldCount: 200)
            )),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                printer.out("Serving at http://\(host):\(port)/")
                printer.out("watching content/ and templates/ (\(mechanism)); Ctrl-C stops")
            },
            logger: logger
        )
        // Services shut down in reverse order: the event streams end first, so no open
        // browser connection holds the server's graceful shutdown up.
        let group = ServiceGroup(configuration: .init(
            services: [app, EventStreamCloser(events: events, heartbeatSeconds: limits.heartbeatSeconds)],
            gracefulShutdownSignals: [.sigint, .sigterm],
            logger: logger
        ))
        do {
            try await group.run()
        } catch {
            printer.error("posguide: error: \(FileSystemError.words(for: error))")
            return 1
        }
        printer.out("stopped")
        return 0
    }

    /// Why the server cannot listen on `host:port`, checked up front for a clear message.
    static func portProblem(host: String, port: Int) -> String? {
        guard (0...65535).contains(port) else { return "--port \(port) is not a port number (0 to 65535; 0 picks a free one)" }
        guard port != 0 else { return nil }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let address = info else {
            return "cannot listen on host `\(host)`: not an address of this machine"
        }
        defer { freeaddrinfo(info) }
        let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 {
            let reason = errno == EADDRINUSE ? "is already in use" : "cannot be used (\(String(cString: strerror(errno))))"
            return "port \(port) on \(host) \(reason); choose another with --port, or --port 0 for a free one"
        }
        return nil
    }
}

/// Keeps the live-reload streams' heartbeat going, and ends every stream when shutdown begins.
struct EventStreamCloser: Service {
    let events: EventHub

    let heartbeatSeconds: Int

    func run() async throws {
        let heartbeat = Task { await events.heartbeat(every: heartbeatSeconds) }
        try? await gracefulShutdown()
        events.close()
        heartbeat.cancel()
    }
}

/// Writes whole lines to stdout and stderr, unbuffered, so a test or a terminal sees each at once.
struct Printer: Sendable {
    func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
