import Foundation

/// What one client may ask of the preview: a local service still meets browsers with many tabs,
/// scripts that loop, and a half-open socket left behind.
struct ServeLimits: Sendable {
    /// Longest request line (`GET /path HTTP/1.1`); longer gets 414.
    var requestLineBytes = 8 * 1024
    /// Longest request head, request line and headers together; longer gets 431.
    var headBytes = 32 * 1024
    /// Live-reload streams open at once; one more gets 503.
    var liveConnections = 256
    /// A connection that has not finished sending its request (or sends nothing after its last
    /// response) for this long is closed: a half-sent request line cannot hold a socket forever.
    var slowClientSeconds = 15
    /// Every live-reload stream gets a comment line this often: writing is how a closed tab is
    /// noticed, and its place under `liveConnections` freed.
    var heartbeatSeconds = 15

    static let standard = ServeLimits()

    /// The standard limits; tests lower them through the environment (`POSGUIDE_SERVE_MAX_LIVE`,
    /// `POSGUIDE_SERVE_SLOW_CLIENT_SECONDS`, `POSGUIDE_SERVE_HEARTBEAT_SECONDS`) so they run in seconds.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ServeLimits {
        var limits = ServeLimits.standard
        if let value = environment["POSGUIDE_SERVE_MAX_LIVE"].flatMap(Int.init), value > 0 { limits.liveConnections = value }
        if let value = environment["POSGUIDE_SERVE_SLOW_CLIENT_SECONDS"].flatMap(Int.init), value > 0 { limits.slowClientSeconds = value }
        if let value = environment["POSGUIDE_SERVE_HEARTBEAT_SECONDS"].flatMap(Int.init), value > 0 { limits.heartbeatSeconds = value }
        return limits
    }
}
