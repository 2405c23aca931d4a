/// A Markdown page of the site, loaded and with its place decided.
///
/// A class, not a struct: the build sorts, filters and caches tens of thousands of these,
/// and a reference moves with one retain where the struct's fields would take a dozen.
final class PageSource: Sendable {
    enum Kind: Sendable, Equatable {
        /// `content/index.md`
        case home
        /// `content/<section>/index.md`
        case sectionIndex(section: String)
        /// `content/<section>/<slug>.md`
        case article(section: String)
        /// `content/<slug>.md`
        case standalone
        /// `content/<folder>/index.md` of a record kind: the intro of its list (`content/providers/index.md`)
        case recordList(folder: String)
    }

    let file: SourceFile
    let kind: Kind
    /// The site path, e.g. `/articles/fees/`.
    let url: String
    let metadata: PageMetadata
    /// The Markdown after the front matter: a view into `file.text`, made a `String` when rendered.
    let bodyText: Substring
    var body: String { String(bodyText) }
    let bodyFirstLine: Int

    init(file: SourceFile, kind: Kind, url: String, metadata: PageMetadata, body: Substring, bodyFirstLine: Int) {
        self.file = file
        self.kind = kind
        self.url = url
        self.metadata = metadata
        self.bodyText = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// The section an article or section index belongs to.
    var section: String? {
        switch kind {
        case .article(let section), .sectionIndex(let section): return section
        default: return nil
        }
    }
}
