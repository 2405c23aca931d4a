import Foundation

/// A template syntax error, at the tag that causes it.
struct TemplateSyntaxError: Error {
    let message: String
    let line: Int
    let column: Int
}

/// Parses Mustache text into a `Template`, in three passes a reader can follow:
/// 1. `scan`: the text as pieces (text, line ends, tags), honouring `{{=<% %>=}}` as it goes;
/// 2. `removeStandaloneWhitespace` (TemplateParser+Standalone.swift): the spaces and line ends
///    that belong to a "standalone" tag leave the output, kept as indentation where the spec says;
/// 3. `nodes`: sections, parents and blocks nested into a tree, each closed by its own `{{/name}}`.
struct TemplateParser {
    let bytes: [UInt8]
    var pieces: [Piece] = []
    private var index = 0
    private var references: [(name: String, line: Int, column: Int)] = []

    enum Piece {
        case text(Range<Int>)
        /// `\n` or `\r\n`.
        case lineEnd(Range<Int>)
        case tag(Tag)
    }

    struct Tag {
        enum Kind: Equatable {
            case value(escaped: Bool), section, inverted, close, comment, partial, parent, block, delimiters
        }

        var kind: Kind
        var name: String
        /// Byte offset of the opening delimiter, for error positions.
        var offset: Int
        /// For a standalone partial or parent, the spaces before it; for a block, the indentation
        /// an override of it gets (see TemplateParser+Standalone.swift).
        var indentation = ""

        /// The opening tag as written with the usual delimiters, for messages: `{{#name}}`.
        var spelled: String {
            switch kind {
            case .section: return "{{#\(name)}}"
            case .inverted: return "{{^\(name)}}"
            case .parent: return "{{<\(name)}}"
            case .block: return "{{$\(name)}}"
            default: return "{{\(name)}}"
            }
        }
    }

    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        try parser.scan()
        parser.removeStandaloneWhitespace()
        let nodes = try parser.nodes(closing: nil)
        return Template(nodes: nodes, references: parser.references)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: 1. scan

    private mutating func scan() throws(TemplateSyntaxError) {
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var position = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if end > textStart { pieces.append(.text(textStart..<end)) }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")) {
                flushText(upTo: position)
                let end = position + (byte == UInt8(ascii: "\n") ? 1 : 2)
                pieces.append(.lineEnd(position..<end))
                position = end
                textStart = end
            } else if byte == open[0] && matches(open, at: position) {
                flushText(upTo: position)
                let (tag, end) = try readTag(at: position, open: open, close: close)
                if tag.kind == .delimiters {
                    (open, close) = try delimiters(tag)
                }
                pieces.append(.tag(tag))
                position = end
                textStart = end
            } else {
                position += 1
            }
        }
        flushText(upTo: bytes.count)
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for (offset, byte) in delimiter.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    private func firstMatch(of delimiter: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + delimiter.count <= bytes.count {
            if bytes[position] == delimiter[0] && matches(delimiter, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Reads the tag whose opening delimiter is at `start`; returns it and where the text after it begins.
    private func readTag(at start: Int, open: [UInt8], close: [UInt8]) throws(TemplateSyntaxError) -> (Tag, Int) {
        let afterOpen = start + open.count
        let sigil = afterOpen < bytes.count ? bytes[afterOpen] : 0
        // The name starts after the sigil; a plain `{{name}}` has none.
        var contentStart = afterOpen + 1
        var kind: Tag.Kind
        var closing = close
        switch sigil {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "&"): kind = .value(escaped: false)
        case UInt8(ascii: "="):
            kind = .delimiters
            closing = Array("=".utf8) + close
        case UInt8(ascii: "{"):
            kind = .value(escaped: false)
            closing = Array("}".utf8) + close
        case UInt8(ascii: "%"):
            throw error("pragmas (`{{% … }}`) are not supported", at: start)
        default:
            kind = .value(escaped: true)
            contentStart = afterOpen
        }
        guard let end = firstMatch(of: closing, from: contentStart) else {
            throw error("tag is not closed with `\(String(decoding: closing, as: UTF8.self))`", at: start)
        }
        let content = String(decoding: bytes[contentStart..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let tag = Tag(kind: kind, name: content, offset: start)
        try check(tag)
        return (tag, end + closing.count)
    }

    private func check(_ tag: Tag) throws(TemplateSyntaxError) {
        switch tag.kind {
        case .comment, .delimiters:
            return
        case .partial, .parent:
            if tag.name.isEmpty { throw error("the tag names no template", at: tag.offset) }
            if tag.name.hasPrefix("*") { throw error("dynamic partial names (`*name`) are not supported", at: tag.offset) }
            if tag.name.contains(where: \.isWhitespace) { throw error("template name `\(tag.name)` contains a space", at: tag.offset) }
        case .value, .section, .inverted, .close, .block:
            if tag.name.isEmpty { throw error("the tag has no name", at: tag.offset) }
            if let bad = tag.name.unicodeScalars.first(where: { !Self.isNameCharacter($0) }) {
                throw error("`\(bad)` cannot appear in a name (`\(tag.name)`); names are letters, digits, `_`, `-` and dots", at: tag.offset)
            }
            if tag.name != "." && tag.name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw error("`\(tag.name)` has an empty part between dots", at: tag.offset)
            }
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "?": return true
        default: return scalar.value >= 0x80 && !scalar.properties.isWhitespace
        }
    }

    private func delimiters(_ tag: Tag) throws(TemplateSyntaxError) -> ([UInt8], [UInt8]) {
        let parts = tag.name.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("a delimiter change is two delimiters and a space, like `{{=<% %>=}}`", at: tag.offset)
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    // MARK: 3. tree

    /// Nodes up to the `{{/name}}` that closes `closing` (or the end of the template).
    private mutating func nodes(closing: Tag?) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var text = ""
        func flushText() {
            if !text.isEmpty { nodes.append(.text(Array(text.utf8))) }
            text = ""
        }
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            switch piece {
            case .text(let range), .lineEnd(let range):
                text += String(decoding: bytes[range], as: UTF8.self)
            case .tag(let tag):
                flushText()
                switch tag.kind {
                case .value(let escaped):
                    nodes.append(.value(TemplatePath(tag.name), escaped: escaped))
                case .section, .inverted:
                    nodes.append(.section(TemplatePath(tag.name), inverted: tag.kind == .inverted, try self.nodes(closing: tag)))
                case .block:
                    nodes.append(.block(tag.name, try self.nodes(closing: tag), indentation: Array(tag.indentation.utf8)))
                case .partial:
                    reference(tag)
                    nodes.append(.partial(tag.name, indentation: Array(tag.indentation.utf8)))
                case .parent:
                    reference(tag)
                    nodes.append(.parent(tag.name, indentation: Array(tag.indentation.utf8), overrides: try overrides(of: tag)))
                case .close:
                    try checkClose(tag, closing: closing)
                    return nodes
                case .comment, .delimiters:
                    break
                }
            }
        }
        if let closing {
            throw error("`\(closing.spelled)` is never closed (missing `{{/\(closing.name)}}`)", at: closing.offset)
        }
        flushText()
        return nodes
    }

    /// The `{{$block}}` overrides between `{{< name}}` and its `{{/name}}`; text there is ignored.
    private mutating func overrides(of parent: Tag) throws(TemplateSyntaxError) -> [String: [TemplateNode]] {
        var overrides: [String: [TemplateNode]] = [:]
        while index < pieces.count {
            let piece = pieces[index]
            index += 1
            guard case .tag(let tag) = piece else { continue }
            switch tag.kind {
            case .block:
                overrides[tag.name] = try nodes(closing: tag)
            case .close:
                try checkClose(tag, closing: parent)
                return overrides
            case .comment, .delimiters:
                continue
            default:
                throw error("only `{{$block}}` overrides may appear inside `{{<\(parent.name)}}`", at: tag.offset)
            }
        }
        throw error("`\(parent.spelled)` is never closed (missing `{{/\(parent.name)}}`)", at: parent.offset)
    }

    private func checkClose(_ tag: Tag, closing: Tag?) throws(TemplateSyntaxError) {
        guard let closing else {
            throw error("`{{/\(tag.name)}}` closes nothing: no `{{#\(tag.name)}}` is open", at: tag.offset)
        }
        guard closing.name == tag.name else {
            let (line, _) = position(of: closing.offset)
            throw error("`{{/\(tag.name)}}` cannot close `\(closing.spelled)`, opened on line \(line)", at: tag.offset)
        }
    }

    private mutating func reference(_ tag: Tag) {
        let (line, column) = position(of: tag.offset)
        references.append((tag.name, line, column))
    }

    // MARK: positions

    /// Line and column (in characters as Unicode scalars, both from 1) of a byte offset.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }
}
