/// How a page changes when it is a chapter of a print document (a guide).
///
/// Heading ids get the chapter's prefix so they stay unique across chapters;
/// links to other chapters of the same document become in-document links;
/// links that leave the document point at the live site and print their URL.
struct PrintChapter: Sendable {
    /// This chapter's id in the document (`ch2`); its headings become `ch2-<slug>`.
    var id: String
    /// Site path of every page in the document -> its chapter id.
    var chapters: [String: String]
    /// The site's absolute base URL, ending with `/`.
    var baseURL: String
    /// Site path of every record printed in the document (a glossary term) -> its entry's element id.
    var entries: [String: String]

    init(id: String, chapters: [String: String], baseURL: String, entries: [String: String] = [:]) {
        self.id = id
        self.chapters = chapters
        self.baseURL = baseURL
        self.entries = entries
    }

    /// The element id in the document for `fragment` of the chapter `chapterID`.
    ///
    /// The source list is shared by the whole document, so `#sources` and
    /// `#source-<id>` keep their names; no fragment means the chapter itself.
    static func anchor(_ fragment: String?, inChapter chapterID: String) -> String {
        guard let fragment, !fragment.isEmpty else { return chapterID }
        if fragment == "sources" || fragment.hasPrefix("source-") { return fragment }
        return chapterID + "-" + fragment
    }

    /// The in-document anchor for a site path, or nil when the page is not part of the document.
    func anchor(path: String, fragment: String?) -> String? {
        let page = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        if let entry = entries[page], (fragment ?? "").isEmpty { return entry }
        guard let chapter = chapters[page] ?? chapters[page + "/"] else { return nil }
        return Self.anchor(fragment, inChapter: chapter)
    }

    /// The absolute URL of a site path on the live site.
    func siteURL(_ path: String) -> String {
        baseURL + path.drop { $0 == "/" }
    }
}
