/// A value a template can show: what `{{name}}`, `{{#name}}` and `{{^name}}` look up.
///
/// Typed rather than `Any`: the lookup is a search of a `TemplateMap` and a `switch`, where swift-mustache
/// (which we used before) cast every level of the context stack from `Any` to its protocols;
/// that was a sixth of a 10,000-page build's CPU.
enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map(TemplateMap)

    /// The keys and values a template renders with at its top level.
    typealias Map = TemplateMap

    /// Plain data as YAML files give it (`DataFile`): text, whole numbers, true/false, lists, mappings.
    init(plain: Any) {
        switch plain {
        case let value as String: self = .string(value)
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .int(value)
        case let value as [Any]: self = .list(value.map(TemplateValue.init(plain:)))
        case let value as [String: Any]: self = .map(TemplateMap(value.mapValues(TemplateValue.init(plain:))))
        default: self = .string(String(describing: plain))
        }
    }

    /// The value of an optional, or nothing: a missing key, which `{{#name}}` skips.
    static func optional(_ value: String?) -> TemplateValue? {
        value.map(TemplateValue.string)
    }

    /// Whether `{{#name}}` shows its content: everything but `false` and an empty list.
    var isTruthy: Bool {
        switch self {
        case .bool(let value): return value
        case .list(let items): return !items.isEmpty
        case .string, .int, .map: return true
        }
    }

    /// What `{{name}}` prints before escaping. A list prints its items comma-separated;
    /// a mapping has no text of its own and prints nothing.
    var text: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .list(let items): return items.map(\.text).joined(separator: ",")
        case .map: return ""
        }
    }

    /// The value of `name` in a mapping; nil for anything else.
    subscript(name: String) -> TemplateValue? {
        self[TemplateKey(name)]
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        if case .map(let values) = self { return values[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map = TemplateMap(minimumCapacity: elements.count)
        for (name, value) in elements { map[name] = value }
        self = .map(map)
    }
}
