/// Everything a page's Markdown needs to know about the rest of the site.
struct MarkdownEnvironment: Sendable {
    /// Keep author raw HTML (`site.yaml: allow_raw_html`); otherwise it is dropped with a warning.
    var allowRawHTML: Bool
    /// Heading ids, citations, directives, figures, link checks. Off gives plain CommonMark.
    var siteTransforms: Bool
    /// Pair `*` and `_` next to CJK text as Chinese, Japanese and Korean writers expect
    /// (the CJK-friendly emphasis amendment; `site.yaml: cjk_emphasis`).
    var cjkEmphasis: Bool
    var sources: SourceRegistry
    var links: LinkResolver
    /// The records `glossary:`-style links may name.
    var records: RecordLinks
    var directives: DirectiveRegistry
    /// External link hosts allowed without a warning; empty allows every host.
    var allowedDomains: [String]
    /// Images from other hosts (`site.yaml: remote_images`).
    var remoteImages: RemoteImagePolicy
    /// Where the site sits on its host: site-absolute links and directives' hrefs go through it.
    var sitePaths: SitePaths

    init(
        allowRawHTML: Bool = false,
        siteTransforms: Bool = true,
        cjkEmphasis: Bool = true,
        sources: SourceRegistry = SourceRegistry(),
        links: LinkResolver = LinkResolver(pagesByFile: [:]),
        records: RecordLinks = RecordLinks(),
        directives: DirectiveRegistry = DirectiveRegistry(),
        allowedDomains: [String] = [],
        remoteImages: RemoteImagePolicy = .error,
        sitePaths: SitePaths = .root
    ) {
        self.sitePaths = sitePaths
        self.allowRawHTML = allowRawHTML
        self.siteTransforms = siteTransforms
        self.cjkEmphasis = cjkEmphasis
        self.sources = sources
        self.links = links
        self.records = records
        self.directives = directives
        self.allowedDomains = allowedDomains
        self.remoteImages = remoteImages
    }

    /// Plain CommonMark 0.30, as `cmark --unsafe` renders it: the conformance baseline.
    static let commonMark = MarkdownEnvironment(allowRawHTML: true, siteTransforms: false, cjkEmphasis: false)

    func isAllowed(host: String) -> Bool {
        Self.isAllowed(host: host, by: allowedDomains)
    }

    /// Whether `host` is one of `domains` or a subdomain of one; an empty list allows all.
    static func isAllowed(host: String, by domains: [String]) -> Bool {
        guard !domains.isEmpty else { return true }
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}
