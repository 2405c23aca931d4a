/// The preview server's request-path resolver (RequestPath.swift is linked in from
/// PosGuidePreview so this build needs no HTTP server): no target resolves outside the site.
enum RequestPathFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let target = text(bytes)
        switch RequestPath.resolve(target) {
        case .invalid:
            break
        case .preview:
            invariant(target.hasPrefix("/"), "a preview endpoint from a target not starting with /: \(target.debugDescription)")
        case .file(let path):
            invariant(!path.isEmpty && !path.hasPrefix("/"), "an absolute or empty file path \(path.debugDescription) from \(target.debugDescription)")
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            invariant(!components.contains { $0 == ".." || $0 == "." || $0.isEmpty },
                      "a file path that leaves or re-enters a folder: \(path.debugDescription) from \(target.debugDescription)")
            invariant(!path.contains("\\") && !path.contains("\0"), "a backslash or NUL in \(path.debugDescription)")
        }
    }
}
