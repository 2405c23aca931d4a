/// What `<scheme>:<id>` links (`[一清](glossary:yiqing)`) may name: each record kind's ids.
///
/// Every kind's scheme is known even when the site has none of its records, so that such a
/// link says there are none rather than being dropped as an unknown scheme.
struct RecordLinks: Sendable {
    struct Scheme: Sendable {
        var kindName: String
        var folder: String
        var ids: Set<String>
        /// For did-you-mean hints, in a stable order.
        var sortedIDs: [String]
        var isPublished: Bool
    }

    var schemes: [String: Scheme] = [:]

    init() {
        self.init([])
    }

    init(_ lists: [RecordList]) {
        for kind in RecordKinds.all {
            guard let scheme = kind.linkScheme else { continue }
            let list = lists.first { $0.kind.folder == kind.folder && $0.isPublished }
            let ids = list?.ids ?? []
            schemes[scheme] = Scheme(kindName: kind.name, folder: kind.folder, ids: Set(ids), sortedIDs: ids.sorted(), isPublished: list != nil)
        }
    }

    static func isScheme(_ scheme: String) -> Bool {
        RecordKinds.kind(scheme: scheme) != nil
    }

    /// The site path `<scheme>:<reference>` links to, or the error to report at the link.
    func resolve(scheme: String, reference: String, at location: SourceLocation) -> Result<String, Diagnostic> {
        guard let kind = schemes[scheme] else {
            return .failure(.error("link.\(scheme)", "there is no \(scheme) (`\(scheme):` links name its records)", at: location))
        }
        if reference.contains("#") {
            return .failure(.error("link.\(scheme)-anchor", "`\(scheme):` links name a whole record; `#` anchors are not supported",
                                   at: location, hint: "write `\(scheme):\(reference.prefix { $0 != "#" })`"))
        }
        guard kind.isPublished, !kind.ids.isEmpty else {
            return .failure(.error("link.\(scheme)-missing", "there is no \(kind.kindName): content/\(kind.folder)/ has no records, so `\(scheme):\(reference)` links nowhere",
                                   at: location, hint: "add content/\(kind.folder)/\(reference).yaml, or link somewhere else"))
        }
        guard kind.ids.contains(reference) else {
            return .failure(.error("link.\(scheme)-unknown", "unknown \(kind.kindName) id `\(reference)`", at: location,
                                   hint: Suggestion.nearest(to: reference, among: kind.sortedIDs).map { "did you mean `\($0)`?" }
                                       ?? "records are content/\(kind.folder)/<id>.yaml"))
        }
        return .success("/\(kind.folder)/\(reference)/")
    }
}
