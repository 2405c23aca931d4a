import Foundation

/// The fenced examples of a docs page that are marked to be built.
///
/// The convention (docs/content-format.md, “Examples in these docs”): a fence whose info
/// string carries `file=PATH` is a complete file at PATH of a site; one that carries `body` is
/// the Markdown body of a page, which the test gives a title. All marked blocks of one docs
/// page are built together, with the repository's templates, and must build without errors.
struct DocsExamples {
    struct Block: Equatable {
        /// `file=` path, or nil for a `body` block.
        var file: String?
        var text: String
        var line: Int
    }

    static func blocks(in markdown: String) -> [Block] {
        var blocks: [Block] = []
        let lines = markdown.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard indent <= 3 || indent % 2 == 0, let fence = rest.first, fence == "`" || fence == "~" else {
                index += 1
                continue
            }
            let length = rest.prefix { $0 == fence }.count
            guard length >= 3 else {
                index += 1
                continue
            }
            let words = rest.dropFirst(length).split(separator: " ").map(String.init)
            var body: [String] = []
            var end = index + 1
            while end < lines.count {
                let candidate = lines[end].drop { $0 == " " }
                if candidate.count >= length, candidate.allSatisfy({ $0 == fence }) { break }
                body.append(String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))))
                end += 1
            }
            let text = body.joined(separator: "\n") + "\n"
            if let file = words.first(where: { $0.hasPrefix("file=") }) {
                blocks.append(Block(file: String(file.dropFirst(5)), text: text, line: index + 1))
            } else if words.contains("body") {
                blocks.append(Block(file: nil, text: text, line: index + 1))
            }
            index = end + 1
        }
        return blocks
    }

    /// The site files the blocks make: `file=` blocks as they are, `body` blocks as pages under `content/examples/`.
    static func siteFiles(_ blocks: [Block]) -> [String: String] {
        var files: [String: String] = [:]
        for block in blocks {
            if let file = block.file {
                files[file] = block.text
            } else {
                files["content/examples/line-\(block.line).md"] = "---\ntitle: 示例（第 \(block.line) 行）\n---\n\n" + block.text
            }
        }
        return files
    }
}
