import Foundation
@testable import PosGuide

/// A static link checker for a site built under a base path: every href and src in the HTML,
/// every `url()` in the CSS, and every address in the sitemap and the feed must stay under
/// the base path and name a file the build made.
struct SubPathLinkCrawl {
    let origin: String
    let basePath: String
    let files: [String: Data]

    /// `result` built with `base_url` = `origin + basePath` (`https://org.example` + `/guide/`).
    init(_ result: MemoryBuild, origin: String, basePath: String) throws {
        self.origin = origin
        self.basePath = basePath
        var files: [String: Data] = [:]
        for file in result.files { files[file.path] = try file.data() }
        self.files = files
    }

    /// One link that does not work, with where it was found.
    struct Problem: CustomStringConvertible {
        var file: String
        var link: String
        var reason: String
        var description: String { "\(file): \(link): \(reason)" }
    }

    /// How many links were followed, and the ones that failed.
    func crawl() -> (checked: Int, problems: [Problem]) {
        var checked = 0
        var problems: [Problem] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            let links: [String]
            if path.hasSuffix(".html") {
                links = Self.matches(#"(?:href|src)="([^"]*)""#, in: text)
            } else if path.hasSuffix(".css") {
                links = Self.matches(#"url\(\s*['"]?([^'")]+)['"]?\s*\)"#, in: text)
            } else if path == "sitemap.xml" {
                links = Self.matches(#"<loc>([^<]*)</loc>"#, in: text)
            } else if path == "feed.xml" {
                links = Self.matches(#"<link[^>]*href="([^"]*)""#, in: text) + Self.matches(#"<id>([^<]*)</id>"#, in: text)
            } else {
                continue
            }
            for link in links {
                checked += 1
                if let reason = problem(with: Self.unescaped(link), in: path) {
                    problems.append(Problem(file: path, link: link, reason: reason))
                }
            }
        }
        return (checked, problems)
    }

    /// Why `link`, found in the output file `file`, is broken; nil when it works.
    func problem(with link: String, in file: String) -> String? {
        if link.hasPrefix("#") || link.hasPrefix("data:") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { return nil }
        var address: String
        if link.hasPrefix(origin + "/") {
            address = String(link.dropFirst(origin.count))
        } else if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("//") {
            return nil // another site
        } else if link.hasPrefix("/") {
            address = link
        } else {
            // Relative to the page's own address under the base path.
            let directory = basePath + file.split(separator: "/").dropLast().map { $0 + "/" }.joined()
            address = LinkResolver.normalize(directory + link)
            if link.hasSuffix("/") || link.isEmpty { address += address.hasSuffix("/") ? "" : "/" }
        }
        address = String(address.prefix { $0 != "#" && $0 != "?" })
        guard address.hasPrefix(basePath) else { return "leaves the base path \(basePath)" }
        var target = String(address.dropFirst(basePath.count)).percentDecoded
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        return files[target] == nil ? "no file \(target) in the output" : nil
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func unescaped(_ value: String) -> String {
        value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
    }
}
