@testable import PosGuide

/// The Mustache parser and renderer on any template text. The template is also its own partial
/// and parent (`p`), so recursion and inheritance are reached. Every name it uses holds text taken
/// from the template itself, so hostile characters reach `{{name}}`; an escaped value must come
/// out with no `<`, `>`, `"`, `'` and no `&` that does not start an entity.
enum MustacheFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let source = text(bytes)
        guard let template = try? TemplateParser.parse(source) else { return }
        var names: Set<String> = []
        collectNames(template.nodes, into: &names)
        let hostile = source + "<&\"'>"
        // Two-item lists double the output at each nested section: past a few levels that is the
        // data's size, not the engine's speed (a 2.5 KB template 11 sections deep timed out), so
        // deeply nested templates get one-item lists, and so do templates that include themselves
        // (a partial inside a section would double at each of its 100 allowed levels).
        let items = sectionDepth(template.nodes) > 6 || source.contains("{{>") || source.contains("{{<") ? 1 : 2
        var context: TemplateValue.Map = [:]
        for (index, name) in names.sorted().enumerated() {
            // A mix of text, lists and maps, so sections iterate and nest.
            switch index % 3 {
            case 0: context[name] = .string(hostile)
            case 1: context[name] = .list(Array([.map(["x": .string(hostile)]), .string(hostile)].prefix(items)))
            default: context[name] = .map([name: .string(hostile)])
            }
        }
        var renderer = TemplateRenderer(templates: ["p": template], context: context)
        renderer.render(template.nodes)

        for case .value(let path, escaped: true) in template.nodes {
            var single = TemplateRenderer(templates: [:], context: context)
            single.render([.value(path, escaped: true)])
            invariant(isEscaped(single.output), "escaped value not escaped: \(single.output.debugDescription)")
        }
    }

    /// How deeply sections (and blocks and parents) nest in `nodes`.
    static func sectionDepth(_ nodes: [TemplateNode]) -> Int {
        nodes.map { node -> Int in
            switch node {
            case .text, .partial, .value: return 0
            case .section(_, _, let children), .block(_, let children, _): return 1 + sectionDepth(children)
            case .parent(_, _, let overrides): return 1 + (overrides.values.map(sectionDepth).max() ?? 0)
            }
        }.max() ?? 0
    }

    static func collectNames(_ nodes: [TemplateNode], into names: inout Set<String>) {
        for node in nodes {
            switch node {
            case .text, .partial: break
            case .value(let path, _): if let first = path.first { names.insert(first.name) }
            case .section(let path, _, let children):
                if let first = path.first { names.insert(first.name) }
                collectNames(children, into: &names)
            case .parent(_, _, let overrides): for children in overrides.values { collectNames(children, into: &names) }
            case .block(_, let children, _): collectNames(children, into: &names)
            }
        }
    }
}

/// Text safe in an HTML text node and a quoted attribute: no markup characters, and every `&`
/// starts a named or numeric character reference.
func isEscaped(_ html: String) -> Bool {
    let bytes = Array(html.utf8)
    var index = 0
    while index < bytes.count {
        switch bytes[index] {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return false
        case UInt8(ascii: "&"):
            guard let end = entityEnd(bytes, from: index) else { return false }
            index = end
        default:
            break
        }
        index += 1
    }
    return true
}

/// The index of the `;` ending a character reference that starts at `start`, or nil.
func entityEnd(_ bytes: [UInt8], from start: Int) -> Int? {
    var index = start + 1
    let numeric = index < bytes.count && bytes[index] == UInt8(ascii: "#")
    if numeric { index += 1 }
    let hex = numeric && index < bytes.count && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
    if hex { index += 1 }
    let first = index
    while index < bytes.count, index - first < 32 {
        let byte = bytes[index]
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        let isHexLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f")
        guard numeric ? (isDigit || (hex && isHexLetter)) : (isDigit || isLetter) else { break }
        index += 1
    }
    guard index > first, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
    return index
}
