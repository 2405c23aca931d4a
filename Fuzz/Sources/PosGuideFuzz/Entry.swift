import Foundation

/// libFuzzer's entry point: one binary for every target, chosen by `POSGUIDE_FUZZ_TARGET`
/// (scripts/fuzz.sh sets it), so the sanitised build links once.
///
/// Each target asserts what must hold for any input, not only that nothing crashed; a broken
/// invariant aborts with the reason on stderr, which libFuzzer records as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FuzzTargets.selected(bytes)
    return 0
}

enum FuzzTargets {
    static let all: [String: @Sendable (UnsafeBufferPointer<UInt8>) -> Void] = [
        "front-matter": FrontMatterFuzz.run,
        "mustache": MustacheFuzz.run,
        "directives": DirectiveFuzz.run,
        "request-path": RequestPathFuzz.run,
        "cli-parsers": CLIParserFuzz.run,
        "markdown": MarkdownFuzz.run,
        "utf8": UTF8Fuzz.run,
    ]

    static let selected: @Sendable (UnsafeBufferPointer<UInt8>) -> Void = {
        let name = ProcessInfo.processInfo.environment["POSGUIDE_FUZZ_TARGET"] ?? ""
        guard let target = all[name] else {
            FileHandle.standardError.write(Data("posguide-fuzz: set POSGUIDE_FUZZ_TARGET to one of \(all.keys.sorted().joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()
}

/// Stops the run with the broken invariant and the input that broke it.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("posguide-fuzz: invariant broken: \(message())\n".utf8))
    abort()
}

/// The input as text: invalid UTF-8 is repaired, as posguide's own readers see it after decoding.
func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
}
