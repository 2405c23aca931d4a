/// A Markdown page of the site, loaded and with its place decided.
public struct PageSource: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `content/index.md`
        case home
        /// `content/<section>/index.md`
        case sectionIndex(section: String)
        /// `content/<section>/<slug>.md`
        case article(section: String)
        /// `content/<slug>.md`
        case standalone
        /// `content/providers/index.md`
        case providerIndex
    }

    public var file: SourceFile
    public var kind: Kind
    /// The site path, e.g. `/articles/fees/`.
    public var url: String
    public var metadata: PageMetadata
    public var body: String
    public var bodyFirstLine: Int

    /// The section an article or section index belongs to.
    public var section: String? {
        switch kind {
        case .article(let section), .sectionIndex(let section): return section
        default: return nil
        }
    }
}
