import Foundation
import Testing
@testable import PosGuide

/// The CJK emphasis pass tells from cmark's tree when a scope's pairing stays as it is,
/// instead of rendering the scope twice and comparing: it must give exactly what the
/// rendering and comparing gives, HTML and warnings alike.
@Suite struct EmphasisShortcutTests {
    /// Text, runs and inlines that emphasis pairing reacts to: CJK and Latin letters,
    /// full-width and ASCII punctuation, spaces, escapes, entities, links, code and breaks.
    static let fragments: [String] = [
        "*", "**", "***", "_", "__", "*", "**", "*", "**",
        "客服", "找对机构", "注意", "投诉", "收单机构", "電源", "주의", "費用", "text", "bold", "1",
        "。", "，", "：", "；", "！", "？", "「", "」", "《", "》", "（", "）", "“", "”", "、",
        ".", ",", ":", "!", "(", ")", "\"", "%",
        " ", " ", "\n", "\n  ",
        "\\*", "\\_", "&#42;", "\\\n",
        "[链接](/a)", "[**链接**](/a)", "[*注意：*详情](/a)", "`code`", "`**不变**`", "![图。](/a.png)", "<https://pbc.gov.cn>", "<b>",
        "\u{FE0E}", "\u{E0100}",
    ]

    /// `count` paragraphs of random fragments, from a fixed seed: the same every run.
    static func paragraphs(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            // SplitMix64: small, and enough to mix fragments.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        return (0..<count).map { _ in
            let prefix = ["", "", "", "## ", "> ", "- "][next() % 6]
            return prefix + (0..<(4 + next() % 14)).map { _ in fragments[next() % fragments.count] }.joined()
        }
    }

    static var siteEnvironment: MarkdownEnvironment {
        var environment = MarkdownEnvironment()
        environment.cjkEmphasis = true
        return environment
    }

    @Test func generatedParagraphsRenderAndWarnTheSameWithTheShortcut() {
        var changed = 0, warned = 0
        for markdown in Self.paragraphs(4000, seed: 18) {
            let shortcut = MarkdownRenderer.renderPairingEmphasis(markdown, environment: Self.siteEnvironment, readingTree: true)
            let rendered = MarkdownRenderer.renderPairingEmphasis(markdown, environment: Self.siteEnvironment, readingTree: false)
            #expect(shortcut.html == rendered.html, "\(markdown.debugDescription)")
            #expect(shortcut.diagnostics == rendered.diagnostics, "\(markdown.debugDescription)")
            if rendered.html != MarkdownRenderer.renderCommonMark(markdown) { changed += 1 }
            if !rendered.diagnostics.isEmpty { warned += 1 }
        }
        // The paragraphs reach both sides: some the amendment re-pairs, some it warns about.
        #expect(changed > 200)
        #expect(warned > 200)
    }

    @Test func generatedParagraphsAreMostlyToldFromTheTree() {
        var scopes = 0, told = 0, repaired = 0
        for markdown in Self.paragraphs(4000, seed: 18) {
            for check in MarkdownRenderer.standardPairingChecks(markdown) {
                guard let check else { continue }
                // The tree never says it holds a pairing when rendering that pairing says otherwise:
                // not CommonMark's, which cmark made, nor the amendment's, which differs in many scopes.
                #expect(!check.tree || check.renders, "\(markdown.debugDescription)")
                #expect(!check.amendedTree || check.amendedRenders, "\(markdown.debugDescription)")
                scopes += 1
                if check.tree { told += 1 }
                if !check.amendedRenders { repaired += 1 }
            }
        }
        #expect(scopes > 2000)
        #expect(told * 10 > scopes * 9, "\(told) of \(scopes) scopes told from the tree")
        #expect(repaired > 200)
    }

    @Test func everyCommonMarkExampleTheTreeTellsAlsoRendersAsCmarkPaired() throws {
        var agreeing = 0, told = 0
        for example in try CommonMarkConformanceTests.examples() {
            for check in MarkdownRenderer.standardPairingChecks(example.markdown) {
                guard let check else { continue }
                #expect(!check.tree || check.renders, "example \(example.example)")
                #expect(!check.amendedTree || check.amendedRenders, "example \(example.example)")
                if check.renders { agreeing += 1 }
                if check.tree { told += 1 }
            }
        }
        #expect(agreeing == 181)
        #expect(told == agreeing)
    }

    @Test func theSiteSentencesRenderTheSameWithTheShortcut() {
        for example in CJKEmphasisTests.cases {
            var commonMark = MarkdownEnvironment.commonMark
            commonMark.cjkEmphasis = true
            for environment in [Self.siteEnvironment, commonMark] {
                let shortcut = MarkdownRenderer.renderPairingEmphasis(example.markdown, environment: environment, readingTree: true)
                let rendered = MarkdownRenderer.renderPairingEmphasis(example.markdown, environment: environment, readingTree: false)
                #expect(shortcut.html == rendered.html, "\(example.why)")
                #expect(shortcut.diagnostics == rendered.diagnostics, "\(example.why)")
            }
        }
    }

    @Test func fullWidthPunctuationIsAnsweredAsItsUnicodeCategorySays() {
        let punctuation: Set<Unicode.GeneralCategory> = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                                         .initialPunctuation, .finalPunctuation, .otherPunctuation]
        var count = 0
        for value in Array(UInt32(0x2F00)..<0x3100) + Array(UInt32(0xFE00)..<0x10000) {
            let scalar = Unicode.Scalar(value)!
            #expect(EmphasisCharacters.isPunctuation(value) == punctuation.contains(scalar.properties.generalCategory), "U+\(String(value, radix: 16))")
            if EmphasisCharacters.isPunctuation(value) { count += 1 }
        }
        // 。，、「」《》（）… and their neighbours.
        #expect(count > 60)
        #expect(EmphasisCharacters.isPunctuation(0x3002) && EmphasisCharacters.isPunctuation(0xFF1B) && !EmphasisCharacters.isPunctuation(0x3000))
        #expect(EmphasisCharacters.isCJK(0x3002) && EmphasisCharacters.isCJK(0xFF1B) && EmphasisCharacters.isCJK(0x303E) && !EmphasisCharacters.isCJK(0x303F))
    }

    @Test func aTextVariationSelectorIsReadWithTheCharacterBeforeIt() {
        // CommonMark sees a mark (not punctuation) before the closing run and pairs all three;
        // the amendment reads the character before the selector: `”` drawn full width by U+FE01
        // is CJK punctuation and the run closes, but `”` or `.` before another selector is
        // punctuation of other scripts and the run, followed by a letter, does not.
        let cases = [
            ("**注意”\u{FE01}**text", "<p><strong>注意”\u{FE01}</strong>text</p>\n"),
            ("**注意”\u{FE00}**text", "<p>**注意”\u{FE00}**text</p>\n"),
            ("**bold.\u{FE00}**text", "<p>**bold.\u{FE00}**text</p>\n"),
        ]
        for (markdown, html) in cases {
            #expect(CJKEmphasisTests.render(markdown) == html)
            #expect(CJKEmphasisTests.render(markdown, cjkEmphasis: false).hasPrefix("<p><strong>"))
        }
    }

    @Test func aRunOfThreePairsStrongInsideEmphasis() {
        let runs = [
            DelimiterRun(character: UInt8(ascii: "*"), length: 3, canOpen: true, canClose: false),
            DelimiterRun(character: UInt8(ascii: "*"), length: 3, canOpen: false, canClose: true),
        ]
        let pairing = EmphasisPairing(runs)
        #expect(pairing.matches == [.init(opener: 0, closer: 1, strong: true), .init(opener: 0, closer: 1, strong: false)])
        #expect(pairing.leftover == [0, 0])
        #expect(pairing.opens(of: 0) == [true, false])
        #expect(pairing.closeCount(of: 1) == 2)
        #expect(pairing.closeCount(of: 0) == 0)
    }

    @Test func aClosingRunPairsTheNearestOpenerFirst() {
        let star = UInt8(ascii: "*")
        let runs = [
            DelimiterRun(character: star, length: 2, canOpen: true, canClose: false),
            DelimiterRun(character: star, length: 1, canOpen: true, canClose: false),
            DelimiterRun(character: star, length: 3, canOpen: false, canClose: true),
            DelimiterRun(character: star, length: 2, canOpen: false, canClose: true),
        ]
        let pairing = EmphasisPairing(runs)
        #expect(pairing.matches == [.init(opener: 1, closer: 2, strong: false), .init(opener: 0, closer: 2, strong: true)])
        #expect(pairing.leftover == [0, 0, 0, 2])
    }
}
