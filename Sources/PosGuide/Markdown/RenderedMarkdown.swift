/// What the Markdown stage hands the rest of the build for one page.
struct RenderedMarkdown: Sendable {
    /// Body HTML, with the page's numbered source list appended when it cites anything.
    var html: String
    /// Headings with their ids, in document order (for the table of contents and anchor checks).
    var headings: [Heading]
    /// Source ids in order of first citation; a citation's number is its index + 1.
    var citations: [String]
    /// Internal links to check once every page's anchors are known.
    var links: [LinkReference]
    /// Every element id the body defines (headings, sources), for `#anchor` checks.
    var anchors: Set<String>
    /// The first paragraph as plain text, for lists and meta descriptions.
    var summary: String
    var statistics: TextStatistics
    var diagnostics: [Diagnostic]
}

/// A heading with the id the build gave it.
struct Heading: Sendable, Equatable {
    var level: Int
    var text: String
    var id: String
}

/// An internal link found in a page, already resolved to a site path.
struct LinkReference: Sendable, Equatable {
    /// The site path the link points at, e.g. `/articles/fees/` (no fragment).
    var path: String
    /// The decoded fragment, if any.
    var fragment: String?
    /// The link as the author wrote it, for messages.
    var written: String
    var location: SourceLocation
}
