import Foundation
import Synchronization

/// Fans Server-Sent Events out to every connected browser.
///
/// Called from the rebuild thread and from request tasks, so it guards its state with a lock
/// instead of being an actor: a broadcast must not wait for a busy executor.
final class EventHub: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Mutex(State())
    /// Streams open at once; `subscribe` refuses one more.
    let limit: Int

    init(limit: Int = ServeLimits.standard.liveConnections) {
        self.limit = limit
    }

    /// A stream of encoded events, starting with `first`; it ends when the hub closes.
    /// Nil when `limit` streams are already open.
    func subscribe(first: String) -> AsyncStream<String>? {
        state.withLock { state in
            guard state.subscribers.count < limit else { return nil }
            let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
            continuation.yield(first)
            if state.closed {
                continuation.finish()
                return stream
            }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
            return stream
        }
    }

    private func remove(_ id: Int) {
        state.withLock { $0.subscribers[id] = nil }
    }

    func broadcast(_ event: String) {
        let targets = state.withLock { Array($0.subscribers.values) }
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
        state.withLock { $0.closed }
    }

    /// Ends every stream (shutdown), so no open connection holds the server up.
    func close() {
        let targets = state.withLock { state in
            state.closed = true
            let targets = Array(state.subscribers.values)
            state.subscribers = [:]
            return targets
        }
        for continuation in targets { continuation.finish() }
    }

    /// One event in the text/event-stream format; `data` is one line of JSON.
    static func encode(event: String, data: String) -> String {
        "event: \(event)\ndata: \(data)\n\n"
    }
}
