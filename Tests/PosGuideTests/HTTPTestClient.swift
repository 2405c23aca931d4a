import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately raw HTTP/1.1 client over a socket: it sends request targets exactly as
/// written (`/../etc/passwd`, `%2e%2e/`), which URLSession would normalise away.
struct HTTPTestClient {
    let port: Int

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error { case connect, timeout, malformed }

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else { close(fd); throw Failure.connect }
        return fd
    }

    func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Bytes that arrive within `timeout` seconds; empty at end of stream or on timeout.
    func receive(_ fd: Int32, timeout: TimeInterval) -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? Array(buffer[0..<count]) : []
    }

    /// One request on its own connection, read to the end.
    func request(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        send(fd, head + "\r\n")
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard let chunk = receive(fd, timeout: 10) else { throw Failure.timeout }
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return try Self.parse(bytes)
    }

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let split = (0...(max(0, bytes.count - 4))).first(where: { Array(bytes[$0..<min(bytes.count, $0 + 4)]) == separator }) else { throw Failure.malformed }
        let head = String(decoding: bytes[0..<split], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else { throw Failure.malformed }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(bytes[(split + 4)...]))
    }

    /// A subscription to the server's event stream.
    final class EventStream {
        let client: HTTPTestClient
        let fd: Int32
        private var buffer = ""

        init(client: HTTPTestClient, path: String = "/_posguide/events") throws {
            self.client = client
            fd = try client.connect()
            client.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(fd) }

        /// The next event (name and data) within `timeout` seconds, or nil.
        func next(timeout: TimeInterval) -> (event: String, data: String)? {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                if let event = takeEvent() { return event }
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = client.receive(fd, timeout: left), !chunk.isEmpty else { return nil }
                // Swift treats "\r\n" as one Character, which would hide the "\n" that ends a chunk-size line.
                buffer = (buffer + String(decoding: chunk, as: UTF8.self)).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }

        /// The next event that reports a change: a `reload` naming no page is skipped. On a loaded
        /// machine one save can reach the watcher as two bursts, and the second rebuild changes nothing.
        func nextChange(timeout: TimeInterval) -> (event: String, data: String)? {
            let deadline = Date().addingTimeInterval(timeout)
            while let event = next(timeout: max(0, deadline.timeIntervalSinceNow)) {
                if event.event == "reload", event.data.contains("\"changed\":[]") { continue }
                return event
            }
            return nil
        }

        /// Events are separated by a blank line; the HTTP head and chunk-size lines carry no `event:`.
        private func takeEvent() -> (event: String, data: String)? {
            while let range = buffer.range(of: "\n\n") {
                let block = String(buffer[..<range.lowerBound])
                buffer = String(buffer[range.upperBound...])
                var name: String?
                var data = ""
                for line in block.components(separatedBy: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
                }
                if let name { return (name, data) }
            }
            return nil
        }
    }
}
