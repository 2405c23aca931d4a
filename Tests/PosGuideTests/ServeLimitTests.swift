import Foundation
import Testing
@testable import PosGuide
#if canImport(Glibc)
import Glibc
#endif

/// What `posguide serve` refuses a client, and that it says so: oversized requests, one live-reload
/// stream too many, a client that never finishes its request; and the policy header every response carries.
@Suite(.serialized) struct ServeLimitTests {
    /// Everything the server sends on `fd` until it closes (or `timeout` passes).
    func readToEnd(_ client: HTTPTestClient, _ fd: Int32, timeout: TimeInterval = 10) -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let chunk = client.receive(fd, timeout: deadline.timeIntervalSinceNow) else { return (bytes, false) }
            if chunk.isEmpty { return (bytes, true) }
            bytes += chunk
        }
        return (bytes, false)
    }

    @Test func everyResponseCarriesThePagesContentSecurityPolicy() throws {
        let site = try ServedSite()
        let home = try site.client.request("/")
        let header = try #require(home.headers["content-security-policy"])
        // The page's own meta policy, plus frame-ancestors (honoured only in a header).
        let meta = try #require(home.text.range(of: #"<meta http-equiv="Content-Security-Policy" content="[^"]*">"#, options: .regularExpression))
        let metaPolicy = home.text[meta].components(separatedBy: "content=\"")[1].dropLast(2)
        #expect(header == metaPolicy + "; frame-ancestors 'none'")
        #expect(header.contains("script-src 'self'"))
        #expect(try site.client.request("/_posguide/live.js").headers["content-security-policy"] == header)
        #expect(try site.client.request("/no/such/page/").headers["content-security-policy"] == header)
        // A printed guide stands alone with its own, looser policy (inline style, no script): served with that one.
        let guide = try site.client.request("/guides/handbook/")
        #expect(guide.status == 200)
        #expect(guide.headers["content-security-policy"] == "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        let css = try site.client.request("/_posguide/overlay.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.text.contains("#posguide-overlay"))
    }

    @Test func anOverlongRequestLineGets414AndALongHeadGets431() throws {
        let site = try ServedSite()
        let longPath = "/" + String(repeating: "a", count: 9000)
        let line = try site.client.request(longPath)
        #expect(line.status == 414)
        #expect(line.text == "request line too long (more than 8192 bytes)\n")
        let head = try site.client.request("/", headers: (0..<40).reduce(into: [:]) { $0["X-Filler-\($1)"] = String(repeating: "b", count: 1000) })
        #expect(head.status == 431)
        #expect(head.text == "request headers too large\n")
        // Within the limits all is as before, on the same server.
        #expect(try site.client.request("/", headers: ["X-Filler": String(repeating: "c", count: 4000)]).status == 200)
        #expect(try site.client.request("/articles/hidden-fees/?" + String(repeating: "q", count: 4000)).status == 200)
    }

    @Test func oneLiveReloadStreamTooManyGets503InWords() throws {
        let site = try ServedSite(environment: ["POSGUIDE_SERVE_MAX_LIVE": "2", "POSGUIDE_SERVE_HEARTBEAT_SECONDS": "1"])
        var first: HTTPTestClient.EventStream? = try HTTPTestClient.EventStream(client: site.client)
        let second = try HTTPTestClient.EventStream(client: site.client)
        #expect(first?.next(timeout: 5)?.event == "hello")
        #expect(second.next(timeout: 5)?.event == "hello")
        let refused = try site.client.request("/_posguide/events")
        #expect(refused.status == 503)
        #expect(refused.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(refused.text.contains("too many live-reload connections (2)"))
        // Closing a tab frees its place: the next heartbeat finds the connection gone.
        first = nil
        let deadline = Date().addingTimeInterval(8)
        var again: HTTPTestClient.EventStream?
        while Date() < deadline {
            let stream = try HTTPTestClient.EventStream(client: site.client)
            if stream.next(timeout: 2)?.event == "hello" { again = stream; break }
            usleep(100_000)
        }
        #expect(again != nil, "no place freed after a stream closed")
        withExtendedLifetime(second) {}
    }

    @Test func aClientThatStopsMidRequestIsDisconnectedButLiveReloadStaysOpen() throws {
        let site = try ServedSite(environment: ["POSGUIDE_SERVE_SLOW_CLIENT_SECONDS": "1"])
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")

        let fd = try site.client.connect()
        defer { close(fd) }
        let started = Date()
        site.client.send(fd, "GET /articles/hid")
        let (bytes, closed) = readToEnd(site.client, fd, timeout: 10)
        let waited = Date().timeIntervalSince(started)
        #expect(closed, "still open after \(waited) s")
        #expect(bytes.isEmpty)
        #expect(waited >= 0.9 && waited < 5, "closed after \(waited) s")

        // The event stream has been open longer than the timeout and still delivers.
        try site.fixture.write("content/articles/hidden-fees.md",
                               try String(contentsOf: site.fixture.root.appendingPathComponent("content/articles/hidden-fees.md"), encoding: .utf8) + "\n新句子。\n")
        #expect(events.next(timeout: 5)?.event == "reload", "server printed: \(site.log.text)")
    }
}
