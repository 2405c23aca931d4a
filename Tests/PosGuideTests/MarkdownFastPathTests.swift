import Testing
@testable import PosGuide

/// The byte fast paths of the Markdown stage must say exactly what the Character and
/// Unicode-property readings they stand in for say.
@Suite struct MarkdownFastPathTests {
    /// The summary as the Character walk makes it: at most 120 characters, else 119 and `…`.
    static func referenceSummary(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0 == "\n" }).joined(separator: " ").trimmingWhitespace
        return collapsed.count > 120 ? String(collapsed.prefix(119)) + "…" : collapsed
    }

    @Test func summariesCutWhereTheCharacterWalkCuts() {
        let cjk = String(repeating: "商户收单一清结算，费率。", count: 20)
        var texts = [
            cjk, String(cjk.prefix(120)), String(cjk.prefix(121)), String(cjk.prefix(119)),
            String(repeating: "a", count: 120), String(repeating: "a", count: 121), "短的。", "",
            "POS 机 0.6% 费率\n第二行", "  前后有空格  ", String(repeating: "ab\r\n", count: 50),
        ]
        // A character that joins its neighbour at, just before and just after the cut.
        for joiner in ["\u{301}", "\u{200D}", "\u{FE0F}", "\u{302A}", "\u{FF9E}", "👍🏽", "🇨🇳", "\r\n", "각"] {
            for position in [0, 1, 117, 118, 119, 120, 121, 122] {
                var text = String(repeating: "字", count: 130)
                text.insert(contentsOf: joiner, at: text.index(text.startIndex, offsetBy: position))
                texts.append(text)
            }
        }
        for text in texts {
            #expect(MarkdownRenderer.summarize(text) == Self.referenceSummary(text), "\(text.debugDescription)")
        }
    }

    /// `normalize` as it read Substrings: drop `.`, pop on `..`, keep a leading `/`.
    static func referenceNormalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    static let paths = [
        "", "/", "//", "a", "/a/b/", "../p00012/", "/articles/fees/../x/./y", "content/articles/../../..", "..", "/..",
        "./", "a//b", "/费率/说明/", "a/.../b", "a/..b/c", "/a/b/../../../c/", "../assets/img/x.svg", "x.SVG", ".png",
        "a/.png", "a/b.", "a/b.p-g", "a/b.png/", "a.b/c", "a/\u{301}b.png", "a/b.\u{301}png", "a/b.pn\u{301}g", "文件.png",
    ]

    @Test func pathsNormalizeAsTheSubstringReadingDid() {
        for path in Self.paths {
            #expect(LinkResolver.normalize(path) == Self.referenceNormalize(path), "\(path.debugDescription)")
        }
    }

    @Test func filesAreToldAsTheCharacterReadingTellsThem() {
        func reference(_ path: String) -> Bool {
            guard let last = path.split(separator: "/", omittingEmptySubsequences: false).last,
                  let dot = last.lastIndex(of: "."), dot != last.startIndex else { return false }
            let suffix = last[last.index(after: dot)...]
            return !suffix.isEmpty && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        for path in Self.paths {
            #expect(LinkResolver.namesFile(path) == reference(path), "\(path.debugDescription)")
        }
    }

    @Test func webSchemesAreToldInAnyCaseAndNothingElseIs() {
        let resolver = LinkResolver(pagesByFile: [:])
        for url in ["https://a.example/", "HTTP://a.example/", "hTtPs://a.example/x"] {
            #expect(resolver.resolve(url, inFile: "content/a.md", pagePath: "/a/") == .external(host: "a.example"), "\(url)")
        }
        for url in ["https:", "http", "https", "httpsx:", "http s:", "hxtp:", "", "h", "ftp://a"] {
            #expect(LinkResolver.hasWebScheme(url) == (LinkResolver.scheme(of: url).map { LinkResolver.safeSchemes.contains($0.lowercased()) } ?? false), "\(url)")
        }
        #expect(resolver.resolve("httpx://a.example/", inFile: "content/a.md", pagePath: "/a/") == .unsafe(scheme: "httpx"))
        #expect(resolver.resolve("htt://a", inFile: "content/a.md", pagePath: "/a/") == .unsafe(scheme: "htt"))
        #expect(resolver.resolve("Source:pbc", inFile: "content/a.md", pagePath: "/a/") == .citation(id: "pbc"))
        #expect(resolver.resolve("1http://a", inFile: "content/a.md", pagePath: "/a/") == .site(path: "/a/1http:/a", fragment: nil, rewritten: nil))
    }

    /// The counts as the Unicode properties give them, one scalar at a time.
    static func referenceStatistics(_ text: String) -> (cjk: Int, words: Int) {
        enum Kind { case cjk, word, other }
        let kinds: [Kind] = text.unicodeScalars.map { scalar in
            if TextStatistics.isCJK(scalar) { return .cjk }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? .word : .other
        }
        // A word starts wherever a word scalar follows anything else.
        let starts = zip([Kind.other] + kinds, kinds).filter { $0.0 != .word && $0.1 == .word }.count
        return (kinds.filter { $0 == .cjk }.count, starts)
    }

    @Test func everyThreeByteLeadFromE4ToE9CountsAsThePropertiesSay() {
        var mismatches: [String] = []
        for value in UInt32(0x4000)...0x9FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let counted = TextStatistics(counting: text)
            let expected = Self.referenceStatistics(text)
            if counted.cjkCharacters != expected.cjk || counted.words != expected.words { mismatches.append(String(value, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "differs for U+\(mismatches.prefix(10).joined(separator: ", U+"))")
    }

    @Test func runsOfThreeByteCharactersCountAsThePropertiesSay() {
        // Ideographs next to each other, across the hexagram symbols, into punctuation, Latin text and the end.
        let run = String(String.UnicodeScalarView((UInt32(0x4D80)...0x4E40).compactMap(Unicode.Scalar.init)))
        for text in [run, "x" + run + "，y", "统计" + run + "abc汉", "中文" + run, "䷀䷁中䷂", "中"] {
            let counted = TextStatistics(counting: text)
            let expected = Self.referenceStatistics(text)
            #expect(counted.cjkCharacters == expected.cjk && counted.words == expected.words, "\(text.prefix(8))")
        }
    }

    @Test func ideographsAreNeverPunctuation() {
        for value in Array(UInt32(0x3400)...0x4DBF) + Array(UInt32(0x4E00)...0x9FFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            let isPunctuation = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                 .initialPunctuation, .finalPunctuation, .otherPunctuation].contains(category)
            #expect(EmphasisCharacters.isPunctuation(value) == isPunctuation, "U+\(String(value, radix: 16))")
        }
    }

    @Test func aSlugOfAsciiAndIdeographsHashesAsItsStringDoes() {
        // `SlugKey` hashes such a slug's bytes itself; a slug needing normalisation goes to String's
        // hash. The two must agree, or canonically equal slugs of the two kinds would not meet.
        for slug in ["费率", "step-1-mcc", "一清-vs-二清", "section", "\u{3400}\u{4DBF}\u{4E00}\u{9FFF}", "a_b-2"] {
            var bytes = slug
            #expect(bytes.withUTF8 { UTF8Bytes.isInNormalForm($0) }, "\(slug)")
            #expect(SlugKey(slug).hashValue == slug.hashValue, "\(slug)")
        }
        var bytes = "\u{F900}费率"
        #expect(!bytes.withUTF8 { UTF8Bytes.isInNormalForm($0) })
        #expect(SlugKey("\u{F900}费率").hashValue == "\u{F900}费率".hashValue)
    }

    @Test func canonicallyEqualHeadingsOfBothKindsGetNumberedIds() {
        // U+F900 is a compatibility ideograph, canonically equal to U+8C48: one id each, as Strings compare.
        // So are α with its combining iota (kept: alphabetic) and ᾳ.
        let texts = ["\u{8C48}", "\u{F900}", "\u{F900}", "\u{3B1}\u{345}", "\u{1FB3}", "费率", "费率"]
        var slugger = HeadingSlugger()
        let ids = texts.map { slugger.slug(for: $0) }
        #expect(ids.prefix(3) == ["\u{8C48}", "\u{F900}-2", "\u{F900}-3"])
        // What a plain set of Strings numbers.
        var used: Set<String> = []
        let reference = texts.map { text in
            let base = HeadingSlugger.baseSlug(text)
            var candidate = base, counter = 1
            while !used.insert(candidate).inserted {
                counter += 1
                candidate = "\(base)-\(counter)"
            }
            return candidate
        }
        #expect(ids == reference)
    }

    @Test func tenByteDatesReadAsTheirPartsDo() {
        #expect(PartialDate(iso: "2026-11-27") == PartialDate(year: 2026, month: 11, day: 27))
        #expect(PartialDate(iso: "2024-02-29") == PartialDate(year: 2024, month: 2, day: 29))
        #expect(PartialDate(iso: "0000-01-01") == PartialDate(year: 0, month: 1, day: 1))
        // Read the long way, as before: a sign is part of an `Int`.
        #expect(PartialDate(iso: "+026-11-27") == PartialDate(year: 26, month: 11, day: 27))
        for impossible in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-010", "2026/11/27", "２０２６-11-27", "2026-11-2７"] {
            #expect(PartialDate(iso: impossible) == nil, "\(impossible)")
        }
    }

    @Test func datesAreWrittenAsTheirPaddedPartsWriteThem() {
        var dates: [PartialDate] = [PartialDate(year: 2026), PartialDate(year: 999, month: 1, day: 2), PartialDate(year: 10000, month: 12),
                                    PartialDate(year: -1, month: 1, day: 1), PartialDate(year: 2026, month: 100, day: 1), PartialDate(year: 2026, day: 5)]
        for year in [1000, 1970, 2024, 2026, 9999] {
            for month in 0...13 {
                dates.append(PartialDate(year: year, month: month))
                for day in [0, 1, 9, 10, 29, 31, 99] { dates.append(PartialDate(year: year, month: month, day: day)) }
            }
        }
        for date in dates {
            #expect(date.description == date.paddedDescription, "\(date.paddedDescription)")
        }
        #expect(PartialDate(year: 2026, month: 3, day: 7).description == "2026-03-07")
    }

    @Test func repeatedAndReservedHeadingsGetTheirNumberedIds() {
        var slugger = HeadingSlugger()
        let ids = ["费率", "费率", "Sources", "Source code", "费率-2", "toc"].map { slugger.slug(for: $0) }
        #expect(ids == ["费率", "费率-2", "sources-2", "section-source-code", "费率-2-2", "toc-2"])
    }
}
