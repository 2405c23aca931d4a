import Foundation

/// Renders parsed templates: walks the node tree once, looking names up in a stack of contexts.
/// Writes UTF-8 bytes (`RenderedBytes`), which become an output file's `Data` as they are.
struct TemplateRenderer: ~Copyable {
    private let templates: [String: Template]
    /// The contexts a name is looked up in, innermost last: the page's values, then one per open section.
    private var stack: [TemplateValue]
    /// Block overrides of the parents being rendered; the outermost override of a name wins.
    private var overrides: [String: [TemplateNode]] = [:]
    /// Put in front of every line while a standalone partial renders (nested partials add theirs).
    private var indentation: [UInt8] = []
    private var bytes: RenderedBytes
    /// Partials and parents being expanded, innermost last.
    private var expanding: [String] = []
    /// The partial that was nested deeper than `maximumDepth`, when one was: it includes itself
    /// with nothing to end the recursion (the render stops there instead of exhausting the stack).
    private(set) var runaway: String?
    /// Set in a renderer of part of a list (`renderInParts`) when a line started with its first
    /// byte: whether it was a line start depended on output it does not have.
    private var neededEarlierOutput = false

    /// Recursive partials are legal Mustache (a tree of lists), but none is this deep.
    static let maximumDepth = 100

    init(templates: [String: Template], context: TemplateValue.Map, capacity: Int = 0) {
        self.init(templates: templates, root: .map(context), capacity: capacity)
    }

    /// Renders against any value at the root, as Mustache allows (`{{.}}` of a list or a text).
    init(templates: [String: Template], root: TemplateValue, capacity: Int = 0) {
        self.init(templates: templates, stack: [root], overrides: [:], expanding: [], capacity: capacity)
    }

    /// A renderer in the middle of a template: these contexts open, these overrides and partials in force.
    private init(templates: [String: Template], stack: [TemplateValue], overrides: [String: [TemplateNode]], expanding: [String], capacity: Int) {
        self.templates = templates
        self.stack = stack
        self.overrides = overrides
        self.expanding = expanding
        bytes = RenderedBytes(capacity: capacity)
    }

    /// What was rendered, as text.
    var output: String { bytes.string }

    /// What was rendered, as the bytes of a file.
    consuming func data() -> Data {
        bytes.data()
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                emitTemplateText(text)
            case .value(let path, let escaped):
                guard let value = lookup(path) else { continue }
                emit(value, escaped: escaped)
            case .section(let path, let inverted, let children):
                let value = lookup(path)
                guard let value, value.isTruthy else {
                    if inverted { render(children) }
                    continue
                }
                if inverted { continue }
                switch value {
                case .bool:
                    render(children)
                case .list(let items):
                    if items.count >= Self.itemsRenderedInParts, indentation.isEmpty, runaway == nil,
                       renderInParts(items, children) {
                        continue
                    }
                    for item in items { renderWithContext(item, children) }
                case .string, .int, .map:
                    renderWithContext(value, children)
                }
            case .partial(let name, let indentation):
                guard let template = templates[name], enter(name) else { continue }
                renderIndented(template.nodes, by: indentation)
                expanding.removeLast()
            case .parent(let name, let indentation, let overrides):
                guard let template = templates[name], enter(name) else { continue }
                let outer = self.overrides
                // The outermost parent (every page's) takes its overrides as they are, without rehashing them.
                if outer.isEmpty {
                    self.overrides = overrides
                } else {
                    self.overrides.merge(overrides) { outer, _ in outer }
                }
                renderIndented(template.nodes, by: indentation)
                self.overrides = outer
                expanding.removeLast()
            case .block(let name, let defaults, let indentation):
                if let override = overrides[name] {
                    renderIndented(override, by: indentation, startsHere: false)
                } else {
                    render(defaults)
                }
            }
        }
    }

    /// A list this long (a section of every article on a large site) renders on all cores.
    static let itemsRenderedInParts = 2_048

    /// Renders `items` in parts, one renderer each, on all cores, and appends their output in
    /// order: each item renders from the same state (contexts, overrides, partials open), and with
    /// no indentation nothing depends on what came before. False, having written nothing, in the
    /// rare case where that is not so (a part needed to know whether a line had started, or a
    /// partial ran away): the caller then renders the items one after another.
    private mutating func renderInParts(_ items: [TemplateValue], _ nodes: [TemplateNode]) -> Bool {
        let templates = templates, stack = stack, overrides = overrides, expanding = expanding
        let partSize = 256
        let parts = Array(stride(from: 0, to: items.count, by: partSize))
        let rendered = parts.parallelMap { first -> Data? in
            var part = TemplateRenderer(templates: templates, stack: stack, overrides: overrides, expanding: expanding, capacity: 64 * partSize)
            for item in items[first..<min(first + partSize, items.count)] { part.renderWithContext(item, nodes) }
            guard part.runaway == nil, !part.neededEarlierOutput else { return nil }
            return part.data()
        }
        guard rendered.allSatisfy({ $0 != nil }) else { return false }
        for data in rendered {
            data!.withUnsafeBytes { bytes.append($0.assumingMemoryBound(to: UInt8.self)) }
        }
        return true
    }

    /// Starts expanding the template `name`, unless that nests too deep.
    private mutating func enter(_ name: String) -> Bool {
        guard runaway == nil else { return false }
        guard expanding.count < Self.maximumDepth else {
            runaway = name
            return false
        }
        expanding.append(name)
        return true
    }

    private mutating func renderWithContext(_ value: TemplateValue, _ nodes: [TemplateNode]) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    /// Renders `nodes` with `added` in front of every line. A standalone partial or parent starts
    /// its first line where its tag stood, so `startsHere` writes the spaces at once; an override
    /// gets its block's indentation as each line starts (before a block that does not stand alone,
    /// the spaces are already out, as text).
    private mutating func renderIndented(_ nodes: [TemplateNode], by added: [UInt8], startsHere: Bool = true) {
        guard !added.isEmpty else { return render(nodes) }
        if startsHere {
            startLine()
            bytes.append(added)
        }
        let outer = indentation
        indentation += added
        render(nodes)
        indentation = outer
    }

    /// The first part of a dotted name is looked up from the innermost context outwards; the
    /// rest only inside what that found (Mustache's rule: `a.b` never finds another `b`).
    private func lookup(_ path: TemplatePath) -> TemplateValue? {
        guard let first = path.first else { return stack.last }
        var found: TemplateValue?
        var level = stack.count - 1
        while level >= 0 {
            if let value = stack[level][first] {
                found = value
                break
            }
            level -= 1
        }
        for name in path.rest {
            guard let value = found?[name] else { return nil }
            found = value
        }
        return found
    }

    /// Inside an indented partial, a line that starts here starts with the indentation.
    private mutating func startLine() {
        guard !indentation.isEmpty, bytes.isEmpty || bytes.last == UInt8(ascii: "\n") else { return }
        if bytes.isEmpty { neededEarlierOutput = true }
        bytes.append(indentation)
    }

    /// Appends a value's text, HTML-escaped or as is. Text from values is not indented line by
    /// line inside an indented partial: it is not part of the partial's lines.
    private mutating func emit(_ value: TemplateValue, escaped: Bool) {
        let text = value.text
        guard !text.isEmpty else { return }
        startLine()
        escaped ? bytes.appendEscaped(text) : bytes.append(text)
    }

    /// Appends the template's own text; inside an indented partial, each of its lines is indented.
    private mutating func emitTemplateText(_ text: [UInt8]) {
        guard !text.isEmpty else { return }
        guard !indentation.isEmpty else { return bytes.append(text) }
        startLine()
        text.withUnsafeBufferPointer { text in
            var lineStart = 0
            for index in text.indices where text[index] == UInt8(ascii: "\n") && index + 1 < text.count {
                bytes.append(UnsafeBufferPointer(rebasing: text[lineStart...index]))
                bytes.append(indentation)
                lineStart = index + 1
            }
            bytes.append(UnsafeBufferPointer(rebasing: text[lineStart...]))
        }
    }
}
