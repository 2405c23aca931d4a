import Synchronization

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

    /// The file and its body, behind a lock only so that a build may let go of the text once the
    /// page is rendered (`releaseText`): every page's source would otherwise stay until the build ends.
    private let contents: Mutex<(file: SourceFile, body: Substring)>
    var file: SourceFile { contents.withLock { $0.file } }
    let kind: Kind
    /// The site path, e.g. `/articles/fees/`.
    let url: String
    let metadata: PageMetadata
    /// The Markdown after the front matter: a view into `file.text`, made a `String` when rendered.
    var bodyText: Substring { contents.withLock { $0.body } }
    var body: String { String(bodyText) }
    let bodyFirstLine: Int

    init(file: SourceFile, kind: Kind, url: String, metadata: PageMetadata, body: Substring, bodyFirstLine: Int) {
        self.contents = Mutex((file, body))
        self.kind = kind
        self.url = url
        self.metadata = metadata
        self.bodyFirstLine = bodyFirstLine
    }

    /// Lets go of the page's text (the path stays), for a build done with it: what reads it
    /// afterwards reads an empty file.
    func releaseText() {
        contents.withLock { $0 = (SourceFile(path: $0.file.path, text: ""), "") }
    }

    /// The section an article or section index belongs to.
    var section: String? {
        switch kind {
        case .article(let section), .sectionIndex(let section): return section
        default: return nil
        }
    }
}
