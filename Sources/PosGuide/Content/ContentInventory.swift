import Foundation

/// The files of `content/`, sorted into what they are, before any is read.
struct ContentInventory {
    struct PageEntry {
        var path: String
        var kind: PageSource.Kind
        var url: String
    }

    var siteConfig: String?
    var sources: String?
    var dataFiles: [String] = []
    var pages: [PageEntry] = []
    /// Record files of each kind, by folder.
    var records: [String: [String]] = [:]
    /// Folders of record kinds that hold any file (records or the list's intro).
    var recordFolders: Set<String> = []
    var guides: [String] = []
    /// Relative to `content/assets/`.
    var assets: [String] = []
    var diagnostics: [Diagnostic] = []

    /// Every file the listing found a use for, in order: equal listings publish the same paths.
    var classifiedPaths: [String] {
        [siteConfig ?? "", sources ?? ""] + dataFiles + pages.map(\.path) + RecordKinds.all.flatMap { records[$0.folder] ?? [] } + guides + assets.map { "assets/" + $0 }
    }

    /// Lists `content/` of `tree` and classifies every file by where it lies.
    static func scan(_ tree: some SourceTree) -> ContentInventory {
        var inventory = ContentInventory()
        // Hidden files and folders are not listed at all; a link out of the site is an error, never read.
        let listing = tree.files(under: "content")
        inventory.diagnostics += listing.outside.map { .linkOutsideSite("content/" + $0.path, to: $0.target) }
        for var relative in listing.files.sorted() {
            // Split in the contiguous bytes (the generic split of the UTF-8 view cost 2K Ir a file);
            // cut at ASCII `/`, each part is UTF-8 already.
            let components = relative.withUTF8 { bytes in
                bytes.split(separator: UInt8(ascii: "/")).map { UTF8Bytes.string(trusting: UnsafeBufferPointer(rebasing: $0)) }
            }
            guard let name = components.last, !ContentRules.isEditorTemporary(name) else { continue }
            inventory.classify(path: "content/" + relative, components: components)
        }
        return inventory
    }

    private mutating func classify(path: String, components: [String]) {
        let name = components.last!
        switch (components.count, components.first!) {
        case (1, "site.yaml"):
            siteConfig = path
        case (1, "index.md"):
            pages.append(PageEntry(path: path, kind: .home, url: "/"))
        case (1, _) where name.hasSuffix(".md"):
            addPage(path: path, slug: String(name.dropLast(3)), kind: .standalone, url: { "/\($0)/" })
        case (_, "assets"):
            inventory(asset: components.dropFirst().joined(separator: "/"))
        case (2, "data") where name.hasSuffix(".yaml"):
            if name == "sources.yaml" { sources = path } else { dataFiles.append(path) }
        case (2, let folder) where name == "index.md" && RecordKinds.kind(folder: folder) != nil:
            recordFolders.insert(folder)
            pages.append(PageEntry(path: path, kind: .recordList(folder: folder), url: "/\(folder)/"))
        case (2, let folder) where name.hasSuffix(".yaml") && RecordKinds.kind(folder: folder) != nil:
            recordFolders.insert(folder)
            if requireIdentifier(String(name.dropLast(5)), path: path) { records[folder, default: []].append(path) }
        case (2, "guides") where name.hasSuffix(".yaml"):
            if requireIdentifier(String(name.dropLast(5)), path: path) { guides.append(path) }
        case (2, let section) where name.hasSuffix(".md") && !ContentLoader.specialFolders.contains(section):
            guard ContentRules.isIdentifier(section) else {
                diagnostics.append(.error("content.name", "section folder `\(section)` must be named with lower-case letters, digits and `-`", at: SourceLocation(path: path)))
                return
            }
            if name == "index.md" {
                pages.append(PageEntry(path: path, kind: .sectionIndex(section: section), url: "/\(section)/"))
            } else {
                addPage(path: path, slug: String(name.dropLast(3)), kind: .article(section: section), url: { "/\(section)/\($0)/" })
            }
        default:
            diagnostics.append(.warning(
                "content.ignored-file",
                "file ignored: not a page, record, guide, data file or asset",
                at: SourceLocation(path: path),
                hint: "pages are content/<section>/<slug>.md; records are "
                    + RecordKinds.all.map { "content/\($0.folder)/<id>.yaml" }.joined(separator: " or ")
                    + "; files to publish as they are go under content/assets/"
            ))
        }
    }

    private mutating func addPage(path: String, slug: String, kind: PageSource.Kind, url: (String) -> String) {
        if requireIdentifier(slug, path: path) {
            pages.append(PageEntry(path: path, kind: kind, url: url(slug)))
        }
    }

    /// Whether `name` may become part of a URL; reports it when not.
    private mutating func requireIdentifier(_ name: String, path: String) -> Bool {
        if ContentRules.isIdentifier(name) {
            return true
        } else {
            diagnostics.append(.error(
                "content.name",
                "file name `\(name)` must use lower-case letters, digits and `-` (it becomes part of the URL)",
                at: SourceLocation(path: path)
            ))
            return false
        }
    }

    private mutating func inventory(asset: String) {
        assets.append(asset)
    }
}

extension Diagnostic {
    /// A link in `content/` or `templates/` that leads out of the site's folder.
    static func linkOutsideSite(_ path: String, to target: String) -> Diagnostic {
        .error("file.link-outside", "links to \(target), outside the site's folder: posguide reads only files inside it",
               at: SourceLocation(path: path), hint: "copy the file into the site instead of linking to it")
    }
}
