import Foundation
import Hummingbird
import PosGuide

/// Answers every request of the preview: files of the build result from memory, the
/// live-reload script and event stream, the site's own 404 page.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewStateBox
    let events: EventHub

    /// Every answer, with the site's Content-Security-Policy unless it already carries a page's own.
    func respond(to request: Request, context: Context) async throws -> Response {
        var response = try await answer(request)
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.header }
        return response
    }

    func answer(_ request: Request) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentLength: "0"])
        }
        let current = state.current
        switch RequestPath.resolve(request.head.path ?? "/") {
        case .invalid:
            return plain(.badRequest, "bad request path\n", head: request.method == .head)
        case .preview("events"):
            return eventStream(current)
        case .preview("live.js"):
            return file(Data(PageInjection.script.utf8), contentType: "text/javascript; charset=utf-8", request: request)
        case .preview("overlay.css"):
            return file(Data(PageInjection.overlayCSS.utf8), contentType: "text/css; charset=utf-8", request: request)
        case .preview:
            return notFound(current, request: request)
        case .file(let path):
            // No good build yet: every page is the errors, until a save fixes them.
            if current.snapshot.files.isEmpty, current.snapshot.failed {
                let page = Data("<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>posguide：构建失败</title></head><body></body></html>\n".utf8)
                return file(served(page, path: "index.html", current), contentType: "text/html; charset=utf-8", request: request, status: .internalServerError)
            }
            if let data = current.snapshot.files[path] {
                return file(served(data, path: path, current), contentType: ContentTypes.forPath(path), request: request)
            }
            // `/articles/fees` means the folder: send the browser to `/articles/fees/`, as a web server would.
            if !path.hasSuffix("index.html"), current.snapshot.files[path + "/index.html"] != nil {
                return Response(status: .movedPermanently, headers: [.location: "/" + path + "/", .contentLength: "0"])
            }
            return notFound(current, request: request)
        }
    }

    func served(_ data: Data, path: String, _ current: PreviewState) -> Data {
        path.hasSuffix(".html") ? PageInjection.inject(into: data, state: current) : data
    }

    /// A file with its ETag; `If-None-Match` with the same tag gets 304 and no body.
    func file(_ data: Data, contentType: String, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        let etag = Self.etag(data)
        var headers: HTTPFields = [.contentType: contentType, .eTag: etag, .cacheControl: "no-cache"]
        if contentType.hasPrefix("text/html") { headers[.contentSecurityPolicy] = ContentSecurityPolicy.header(forPage: data) }
        if status == .ok, let match = request.headers[.ifNoneMatch], Self.matches(match, etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(data.count)
        // HEAD: the same headers, no body.
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: status, headers: headers, body: body)
    }

    func notFound(_ current: PreviewState, request: Request) -> Response {
        guard let page = current.snapshot.files["404.html"] else { return plain(.notFound, "not found\n", head: request.method == .head) }
        return file(served(page, path: "404.html", current), contentType: "text/html; charset=utf-8", request: request, status: .notFound)
    }

    func plain(_ status: HTTPResponse.Status, _ text: String, head: Bool) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count)],
                 body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `/_posguide/events`: first a `hello` naming the build being served (and its errors), then every rebuild.
    func eventStream(_ current: PreviewState) -> Response {
        let hello = EventHub.encode(event: "hello", data: LiveEvents.hello(current))
        guard let stream = events.subscribe(first: "retry: 500\n\n" + hello) else {
            // EventSource does not reconnect after a 503, so a page past the limit stays as it is.
            return plain(.serviceUnavailable, "too many live-reload connections (\(events.limit)); close some preview tabs and reload\n", head: false)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                for await event in stream {
                    try await writer.write(ByteBuffer(string: event))
                }
                try await writer.finish(nil)
            }
        )
    }

    /// A strong tag from the bytes served (FNV-1a, 64 bits): the same bytes, the same tag, across restarts.
    static func etag(_ data: Data) -> String {
        "\"" + String(data.fnv1a64, radix: 16) + "\""
    }

    /// `If-None-Match: "a", W/"b"` or `*`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}

/// The JSON of the live-reload events.
enum LiveEvents {
    static func hello(_ state: PreviewState) -> String {
        json(["build": state.buildID, "failed": state.snapshot.failed, "diagnostics": state.errorLines])
    }

    static func reload(changed: [String], milliseconds: Int, buildID: String) -> String {
        json(["changed": changed, "ms": milliseconds, "build": buildID])
    }

    static func error(_ lines: [String]) -> String {
        json(["diagnostics": lines])
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
