import Foundation

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping order. `transform` must not share mutable state.
    func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration initialises only its own slots, and concurrentPerform returns after all of them.
            nonisolated(unsafe) let base = buffer.baseAddress!
            // Chunks keep the scheduling overhead small against tiny pages.
            let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
            let chunks = (count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                for index in start..<Swift.min(start + chunk, count) {
                    (base + index).initialize(to: transform(self[index]))
                }
            }
            initialized = count
        }
    }
}
