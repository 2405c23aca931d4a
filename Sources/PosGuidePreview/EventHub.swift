import Foundation

/// Fans Server-Sent Events out to every connected browser.
///
/// Called from the rebuild thread and from request tasks, so it guards its state with a lock
/// instead of being an actor: a broadcast must not wait for a busy executor.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var closed = false
    /// Streams open at once; `subscribe` refuses one more.
    let limit: Int

    init(limit: Int = ServeLimits.standard.liveConnections) {
        self.limit = limit
    }

    /// A stream of encoded events, starting with `first`; it ends when the hub closes.
    /// Nil when `limit` streams are already open.
    func subscribe(first: String) -> AsyncStream<String>? {
        lock.lock()
        defer { lock.unlock() }
        guard subscribers.count < limit else { return nil }
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.yield(first)
        if closed {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    private func remove(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }

    func broadcast(_ event: String) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for continuation in targets { continuation.yield(event) }
    }

    /// A comment line (ignored by EventSource) to every stream, every `seconds`, until the hub closes.
    func heartbeat(every seconds: Int) async {
        while !isClosed {
            try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            broadcast(": heartbeat\n\n")
        }
    }

    private var isClosed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return closed
    }

    /// Ends every stream (shutdown), so no open connection holds the server up.
    func close() {
        lock.lock()
        closed = true
        let targets = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for continuation in targets { continuation.finish() }
    }

    /// One event in the text/event-stream format; `data` is one line of JSON.
    static func encode(event: String, data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }
}
