import Foundation
import Testing
@testable import PosGuide
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A `posguide serve` process on a free port, against a temporary copy of the real site.
final class ServedSite {
    let fixture: SiteFixture
    let process = Process()
    let port: Int
    /// What the server printed up to `Serving at …`.
    let startup: String
    let client: HTTPTestClient
    private let output = Pipe()
    private let errors = Pipe()

    init(environment: [String: String] = [:], prepare: (SiteFixture) throws -> Void = { _ in }) throws {
        fixture = try IncrementalBuildTests.realSiteCopy()
        try prepare(fixture)
        // A file beside content/ that must never be served.
        try fixture.write("secret.txt", "top secret: not part of the site\n")
        guard FileManager.default.isExecutableFile(atPath: PosguideBinary.url.path) else {
            throw Failure(message: "no posguide binary at \(PosguideBinary.url.path): run `swift build` first")
        }
        process.executableURL = PosguideBinary.url
        process.arguments = ["serve", "--source", fixture.root.path, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The contract: one line `Serving at http://HOST:PORT/` on stdout once the server listens.
        var seen = ""
        var found: Int?
        let deadline = Date().addingTimeInterval(60)
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"Serving at http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(seen[range].split(separator: ":").last!.dropLast())
            }
        }
        guard let found else {
            process.terminate()
            throw Failure(message: "server did not start; stdout: \(seen)")
        }
        port = found
        startup = seen
        client = HTTPTestClient(port: found)
        // Keep reading what the server prints, for failure messages (and so its pipes never fill).
        let log = self.log
        output.fileHandleForReading.readabilityHandler = { log.append($0.availableData) }
        errors.fileHandleForReading.readabilityHandler = { log.append($0.availableData) }
    }

    /// Everything the server printed after it started.
    final class Log: Sendable {
        private let data = Mutex(Data())
        func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }
        var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
    }
    let log = Log()

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Ctrl-C, as an editor would stop it; returns the exit status.
    func interrupt() -> Int32 {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate(); return -1 }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The file a full `posguide build` of the same tree makes.
    func built(_ path: String) throws -> Data {
        let result = fixture.build()
        return try #require(result.file(path)).data()
    }
}

@Suite(.serialized) struct PreviewServerTests {
    /// What a served HTML page is without the preview's script (and overlay).
    static func withoutInjection(_ html: String) -> String {
        html.replacingOccurrences(of: #"<script src="/_posguide/live\.js" data-build="[^"]*"></script>\n"#, with: "", options: .regularExpression)
    }

    @Test func servesPagesAndAssetsFromMemoryWithContentTypes() throws {
        let site = try ServedSite()
        let home = try site.client.request("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("<script src=\"/_posguide/live.js\""))
        #expect(Self.withoutInjection(home.text) == String(decoding: try site.built("index.html"), as: UTF8.self))
        let article = try site.client.request("/articles/yiqing-erqing/")
        #expect(article.status == 200)
        #expect(Self.withoutInjection(article.text) == String(decoding: try site.built("articles/yiqing-erqing/index.html"), as: UTF8.self))

        let expectations = [
            "/assets/site.css": "text/css; charset=utf-8",
            "/assets/tools.js": "text/javascript; charset=utf-8",
            "/sitemap.xml": "application/xml; charset=utf-8",
            "/feed.xml": "application/atom+xml; charset=utf-8",
            "/robots.txt": "text/plain; charset=utf-8",
            "/_posguide/live.js": "text/javascript; charset=utf-8",
        ]
        for (path, type) in expectations {
            let response = try site.client.request(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
        }
        let svgName = try #require(try FileManager.default.contentsOfDirectory(atPath: site.fixture.root.appendingPathComponent("content/assets/img").path).first { $0.hasSuffix(".svg") })
        let svg = try site.client.request("/assets/img/" + svgName)
        #expect(svg.headers["content-type"] == "image/svg+xml; charset=utf-8")
        #expect(svg.body == (try Data(contentsOf: site.fixture.root.appendingPathComponent("content/assets/img/" + svgName))))
        // Serving never writes the output folder.
        #expect(!FileManager.default.fileExists(atPath: site.fixture.output.path))
    }

    @Test func etagsHeadRedirectsAndTheSites404Page() throws {
        let site = try ServedSite()
        let page = try site.client.request("/articles/")
        let etag = try #require(page.headers["etag"])
        let again = try site.client.request("/articles/", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        let other = try site.client.request("/articles/", headers: ["If-None-Match": "\"0000\""])
        #expect(other.status == 200)

        let head = try site.client.request("/articles/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.count))
        #expect(head.headers["etag"] == etag)

        let folder = try site.client.request("/articles")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/articles/")

        let missing = try site.client.request("/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        #expect(Self.withoutInjection(missing.text) == String(decoding: try site.built("404.html"), as: UTF8.self))

        let post = try site.client.request("/", method: "POST")
        #expect(post.status == 405)
    }

    @Test func nothingOutsideTheBuildIsEverServed() throws {
        let site = try ServedSite()
        let targets = [
            "/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2f%2e%2e%2fetc/passwd",
            "//etc/passwd", "/assets/../../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5c..%5csecret.txt",
            "/secret.txt", "/content/site.yaml", "/%2fetc/passwd", "/assets/%00", "/%zz", "/./secret.txt",
        ]
        for target in targets {
            let response = try site.client.request(target)
            #expect([400, 404].contains(response.status), "\(target) -> \(response.status)")
            #expect(!response.text.contains("root:"), "\(target)")
            #expect(!response.text.contains("top secret"), "\(target)")
            #expect(!response.text.contains("allowed_domains"), "\(target)")
        }
        #expect(site.interrupt() == 0)
    }

    @Test func liveReloadErrorOverlayAndRecovery() throws {
        let site = try ServedSite()
        let events = try HTTPTestClient.EventStream(client: site.client)
        let hello = try #require(events.next(timeout: 5))
        #expect(hello.event == "hello")

        // Edit an article: a reload naming its page arrives within a second, and the page is new.
        let article = "content/articles/hidden-fees.md"
        let original = try String(contentsOf: site.fixture.root.appendingPathComponent(article), encoding: .utf8)
        let saved = Date()
        try site.fixture.write(article, original + "\n预览测试新加的句子。\n")
        let reload = try #require(events.nextChange(timeout: 5), "server printed: \(site.log.text)")
        let latency = Date().timeIntervalSince(saved)
        #expect(reload.event == "reload")
        #expect(latency < 1, "reload after \(latency) s")
        let change = try #require(try JSONSerialization.jsonObject(with: Data(reload.data.utf8)) as? [String: Any])
        #expect((change["changed"] as? [String])?.contains("/articles/hidden-fees/") == true)
        #expect(change["ms"] is Int)
        #expect(try site.client.request("/articles/hidden-fees/").text.contains("预览测试新加的句子"))

        // Break its front matter: an error event, and every page shows the overlay over the last good page.
        try site.fixture.write(article, original.replacingOccurrences(of: "\ntitle:", with: "\ntitel:"))
        let error = try #require(events.nextChange(timeout: 5))
        #expect(error.event == "error")
        #expect(error.data.contains("content/articles/hidden-fees.md:"))
        #expect(error.data.contains(": error: unknown key `titel`"))
        #expect(error.data.contains(": note: did you mean `title`?"))
        let shown = try site.client.request("/articles/hidden-fees/").text
        #expect(shown.contains(": note: did you mean `title`?</pre>"))
        #expect(shown.contains("class=\"posguide-error\""))
        #expect(shown.range(of: #"content/articles/hidden-fees\.md:\d+:\d+: error: unknown key `titel`"#, options: .regularExpression) != nil)
        #expect(shown.contains("预览测试新加的句子"))
        #expect(try site.client.request("/").text.contains("class=\"posguide-error\""))

        // Fix it: a reload, and the overlay is gone.
        try site.fixture.write(article, original)
        let fixed = try #require(events.nextChange(timeout: 5))
        #expect(fixed.event == "reload")
        let page = try site.client.request("/articles/hidden-fees/").text
        #expect(!page.contains("posguide-error"))
        #expect(!page.contains("预览测试新加的句子"))
        #expect(site.interrupt() == 0)
    }

    @Test func aBurstOfSavesGivesFewRebuildsAndEditorTempFilesNone() throws {
        let site = try ServedSite()
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")
        // Editor swap and backup files are not content.
        try site.fixture.write("content/articles/.hidden-fees.md.swp", "swap")
        try site.fixture.write("content/articles/hidden-fees.md~", "backup")
        try site.fixture.write("content/articles/#hidden-fees.md#", "autosave")
        #expect(events.next(timeout: 0.6) == nil)

        let article = "content/articles/hidden-fees.md"
        let original = try String(contentsOf: site.fixture.root.appendingPathComponent(article), encoding: .utf8)
        for round in 1...20 {
            try site.fixture.write(article, original + "\n第\(round)次保存。\n")
        }
        // Each save rewrites the file in place, so a rebuild that starts between two saves can read
        // it half-written and report an error; the last rebuild, after the burst, must be good.
        var rebuilds: [String] = []
        while let event = events.next(timeout: 1) { rebuilds.append(event.event) }
        #expect(rebuilds.count >= 1 && rebuilds.count <= 3, "\(rebuilds.count) rebuilds for 20 saves")
        #expect(rebuilds.last == "reload")
        #expect(try site.client.request("/articles/hidden-fees/").text.contains("第20次保存"))

        // A new page and a removed one.
        try site.fixture.write("content/articles/preview-new.md", IncrementalBuildTests.newArticle(title: "预览新页"))
        let added = try #require(events.nextChange(timeout: 5))
        #expect(added.data.contains("/articles/preview-new/"))
        #expect(try site.client.request("/articles/preview-new/").status == 200)
        // Renamed: the old address goes, the new one comes, in one rebuild.
        try FileManager.default.moveItem(at: site.fixture.root.appendingPathComponent("content/articles/preview-new.md"),
                                         to: site.fixture.root.appendingPathComponent("content/articles/preview-renamed.md"))
        let renamed = try #require(events.nextChange(timeout: 5))
        #expect(renamed.data.contains("/articles/preview-new/") && renamed.data.contains("/articles/preview-renamed/"))
        #expect(try site.client.request("/articles/preview-new/").status == 404)
        #expect(try site.client.request("/articles/preview-renamed/").status == 200)
        try site.fixture.remove("content/articles/preview-renamed.md")
        let removed = try #require(events.nextChange(timeout: 5))
        #expect(removed.data.contains("/articles/preview-renamed/"))
        #expect(try site.client.request("/articles/preview-renamed/").status == 404)
    }

    @Test func pollingWatcherSeesEditsToo() throws {
        let site = try ServedSite(environment: ["POSGUIDE_WATCH": "poll"])
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")
        let article = "content/articles/hidden-fees.md"
        let original = try String(contentsOf: site.fixture.root.appendingPathComponent(article), encoding: .utf8)
        try site.fixture.write(article, original + "\n轮询看到的修改。\n")
        let reload = try #require(events.next(timeout: 5))
        #expect(reload.event == "reload")
        #expect(reload.data.contains("/articles/hidden-fees/"))
    }

    @Test func aSiteThatNeverBuiltShowsItsErrorsUntilFixed() throws {
        let site = try ServedSite(prepare: { fixture in
            let article = fixture.root.appendingPathComponent("content/articles/hidden-fees.md")
            let text = try String(contentsOf: article, encoding: .utf8)
            try text.replacingOccurrences(of: "\ntitle:", with: "\ntitel:").write(to: article, atomically: false, encoding: .utf8)
        })
        let page = try site.client.request("/articles/")
        #expect(page.status == 500)
        #expect(page.text.contains("class=\"posguide-error\""))
        #expect(page.text.contains("unknown key `titel`"))
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")
        let article = "content/articles/hidden-fees.md"
        let broken = try String(contentsOf: site.fixture.root.appendingPathComponent(article), encoding: .utf8)
        try site.fixture.write(article, broken.replacingOccurrences(of: "\ntitel:", with: "\ntitle:"))
        #expect(events.next(timeout: 5)?.event == "reload")
        #expect(try site.client.request("/articles/").status == 200)
    }

    @Test func aPortInUseIsAClearError() throws {
        // Hold a port, then ask for it.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        listen(fd, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let fixture = try IncrementalBuildTests.realSiteCopy()
        let run = try #require(try PosguideBinary.run(["serve", "--source", fixture.root.path, "--port", String(port)]))
        #expect(run.status == 2)
        #expect(run.stderr.contains("port \(port)"))
        #expect(run.stderr.contains("already in use"))
    }

    @Test func ctrlCStopsCleanlyWithABrowserConnected() throws {
        let site = try ServedSite()
        let events = try HTTPTestClient.EventStream(client: site.client)
        #expect(events.next(timeout: 5)?.event == "hello")
        #expect(site.interrupt() == 0)
    }
}
