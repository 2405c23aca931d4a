import Foundation

/// Dictionary order for words written in Hanyu Pinyin with tone marks (`yī qīng`), as a
/// Chinese reader looks a word up: syllable by syllable, first by its letters (tone marks
/// folded away, `ü` as `u`, case ignored), then by its tone (1 to 4, then the neutral tone).
enum PinyinCollation {
    /// A text that sorts in that order under `<`: each syllable's letters followed by its tone
    /// digit, syllables joined by a space. `bèi fù jīn` gives `bei4 fu4 jin1`.
    ///
    /// The digit comes before any letter and the space before any digit, so a syllable sorts
    /// before the longer ones it begins (`fa1` < `fan1`) and a word before the words it begins
    /// (`shou1 dan1` < `shou1 dan1 ji1 gou4`).
    static func key(_ pinyin: String) -> String {
        syllables(of: pinyin).joined(separator: " ")
    }

    // Syllables are written apart (`yī qīng`); an apostrophe or hyphen also parts them. Run
    // together (`yīqīng`), the letters are one chunk followed by each of its tones in turn.
    private static func syllables(of pinyin: String) -> [String] {
        pinyin.decomposedStringWithCanonicalMapping
            .split { $0.isWhitespace || $0 == "'" || $0 == "’" || $0 == "-" }
            .map { chunk in
                var letters = "", tones = ""
                for scalar in chunk.unicodeScalars {
                    if let mark = tone(of: scalar) {
                        tones += mark
                    } else if scalar.properties.isAlphabetic, !scalar.properties.isDiacritic {
                        letters += String(scalar).lowercased()
                    }
                }
                return letters + (tones.isEmpty ? "5" : tones)
            }
    }

    /// The tone a combining mark writes on a vowel once the letter is decomposed.
    private static func tone(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0304: return "1"  // macron: ā
        case 0x0301: return "2"  // acute: á
        case 0x030C: return "3"  // caron: ǎ
        case 0x0300: return "4"  // grave: à
        default: return nil
        }
    }
}
