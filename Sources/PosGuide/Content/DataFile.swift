import Yams

/// `content/data/<name>.yaml` other than the sources: plain data for templates, and for the
/// files the site's own code reads (`fees`, `mcc`) their typed form, checked against a schema.
enum DataFile {
    /// Reads `file` into `data` under `name`, parsing it once; the diagnostics name the file's own lines.
    static func read(_ file: SourceFile, name: String, into data: inout DataValues) -> [Diagnostic] {
        let (parsed, duplicates) = YAMLParsing.parseKeepingFirst(file.text, path: file.path, lineOffset: 0)
        let node: Node?
        switch parsed {
        case .success(let value): node = value
        case .failure(let diagnostic): return duplicates + [diagnostic]
        }
        data.values[name] = node.map(plainValue)
        switch name {
        case "fees":
            let (fees, diagnostics) = FeeSchedules.read(node, file: file)
            data.fees = fees
            return duplicates + diagnostics
        case "mcc":
            let (mcc, diagnostics) = MCCTable.read(node, file: file)
            data.mcc = mcc
            return duplicates + diagnostics
        default:
            return duplicates
        }
    }

    /// The YAML as dictionaries, arrays and scalars (text, whole numbers, true/false).
    static func plainValue(_ node: Node) -> Any {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if let number = Int(scalar.string) { return number }
                if scalar.string == "true" { return true }
                if scalar.string == "false" { return false }
            }
            return scalar.string
        case .sequence(let sequence):
            return sequence.map(plainValue)
        case .mapping(let mapping):
            var dictionary: [String: Any] = [:]
            for (key, value) in mapping { dictionary[key.string ?? ""] = plainValue(value) }
            return dictionary
        case .alias:
            return ""
        }
    }
}
