import Testing
@testable import PosGuide

/// The provider table has one source: the `/providers/` page and the `provider-list` directive show the same.
@Suite struct ProviderTableTests {
    static func table(in html: String) -> String? {
        guard let start = html.range(of: "<div class=\"table-wrap\""), let end = html.range(of: "</table>\n</div>\n", range: start.lowerBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theProvidersPageAndTheDirectiveShowTheSameTableWithItsStaleMarker() throws {
        let result = try SiteFixture([
            "content/data/sources.yaml": sourcesYAML,
            "content/providers/fresh.yaml": provider(name: "新近支付", checked: "2026-11-01"),
            // More than freshness_days (180) before SiteFixture.today.
            "content/providers/old.yaml": provider(name: "久远支付", checked: "2026-01-02"),
            "content/articles/a.md": page("甲", "```provider-list\n```\n"),
        ]).build()
        let listPage = try #require(Self.table(in: result.text("providers/index.html")))
        let directive = try #require(Self.table(in: result.text("articles/a/index.html")))
        #expect(listPage == directive)
        #expect(listPage.components(separatedBy: "（待复核）").count == 2, "only the stale record is marked")
        #expect(listPage.contains("<td data-label=\"持牌主体\">久远支付有限公司</td>"))
    }

    @Test func aRecordIsStaleOnlyPastFreshnessDays() {
        let config = SiteConfig()
        let today = PartialDate(year: 2026, month: 11, day: 27)
        let limit = PartialDate(year: 2026, month: 5, day: 31)  // 180 days before
        #expect(!config.isStale(limit, today: today))
        #expect(config.isStale(PartialDate(year: 2026, month: 5, day: 30), today: today))
    }
}
