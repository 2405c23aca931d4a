/// What the Markdown stage hands the rest of the build for one page.
public struct RenderedMarkdown: Sendable {
    /// Body HTML, with the page's numbered source list appended when it cites anything.
    public var html: String
    /// Headings with their ids, in document order (for the table of contents and anchor checks).
    public var headings: [Heading]
    /// Source ids in order of first citation; a citation's number is its index + 1.
    public var citations: [String]
    /// Internal links to check once every page's anchors are known.
    public var links: [LinkReference]
    /// Every element id the body defines (headings, sources), for `#anchor` checks.
    public var anchors: Set<String>
    /// The first paragraph as plain text, for lists and meta descriptions.
    public var summary: String
    public var statistics: TextStatistics
    public var diagnostics: [Diagnostic]
}

/// A heading with the id the build gave it.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// An internal link found in a page, already resolved to a site path.
public struct LinkReference: Sendable, Equatable {
    /// The site path the link points at, e.g. `/articles/fees/` (no fragment).
    public var path: String
    /// The decoded fragment, if any.
    public var fragment: String?
    /// The link as the author wrote it, for messages.
    public var written: String
    public var location: SourceLocation
}
