/// Naming rules shared by slugs, ids and section names.
public enum ContentRules {
    /// Lower-case ASCII letters, digits and `-`, starting with a letter or digit.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-") else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// Editor swap, backup and autosave files (`.swp`, `~`, `.#name`, `#name#`): never content.
    public static func isEditorTemporary(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix(".#") || name.hasPrefix("#")
    }
}
