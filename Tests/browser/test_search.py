"""Site search in a real browser on a 390 px phone: Chinese queries a shop owner types after
hearing a word from an agent, each finding the page that answers it among the first three
results; providers found by every name they go by; an empty state that helps; a page that
says what to do without JavaScript. Needs the Pagefind index, which `posguide build` makes
when Pagefind's extended build is in .venv (scripts/ensure-pagefind.sh)."""
import shutil
import urllib.parse

import pytest
from axe_playwright_python.sync_playwright import Axe

# (query, the page that answers it): single terms and short phrases, all taken from the content.
QUERIES = [
    ("押金", "/articles/before-signing/"),
    ("退押金", "/articles/before-signing/"),
    ("跳码", "/articles/merchant-number/"),
    ("同名账户", "/articles/yiqing-erqing/"),
    ("发卡行服务费", "/articles/fee-components/"),
    ("代理商换机", "/articles/who-installs/"),
    # The browser keeps 一清 as one word, the index splits it: the page still comes up (search.js).
    ("一清", "/articles/yiqing-erqing/"),
    ("二清", "/articles/yiqing-erqing/"),
    ("手续费计算器", "/tools/fees/"),
    ("12363", "/articles/complaints/"),
    ("钱没到账", "/articles/complaints/"),
    ("投诉电话", "/articles/complaints/"),
    ("流量卡", "/articles/before-signing/"),
    ("信息泄露", "/articles/data-protection/"),
    ("支付牌照", "/articles/payment-licence/"),
    ("假官网", "/articles/fake-official-sites/"),
    ("处罚案例", "/articles/penalty-cases/"),
    ("终端编号", "/articles/merchant-number/"),
    # The index splits 商户编号 differently in different pages: the word-by-word search finds it.
    ("商户编号", "/articles/merchant-number/"),
    ("MCC", "/articles/merchant-number/"),
    ("自查表", "/checklists/yiqing-self-check/"),
]

# Every name a provider goes by: name, legal name, former name, short name, alias (a misspelling).
PROVIDER_NAMES = [
    ("汇付天下", "/providers/huifu/"),
    ("汇付", "/providers/huifu/"),
    ("上海汇付支付", "/providers/huifu/"),
    ("上海汇付支付有限公司", "/providers/huifu/"),
    ("拉卡拉", "/providers/lakala/"),
    ("拉卡拉支付股份有限公司", "/providers/lakala/"),
    ("北京拉卡拉网络技术有限公司", "/providers/lakala/"),
    ("拉咔拉", "/providers/lakala/"),
    ("衫德", "/providers/sandpay/"),
    ("乐刷科技有限公司", "/providers/leshua/"),
]


@pytest.fixture(scope="module", autouse=True)
def search_index(site_output):
    if not (site_output / "pagefind" / "pagefind.js").exists():
        pytest.skip("Pagefind is not installed, so the build made no search index: "
                    "scripts/ensure-pagefind.sh installs pagefind[extended] into .venv")


def search(page, site_url, query):
    """Opens /search/?q=query and returns the result links in order."""
    page.goto(f"{site_url}/search/?q={urllib.parse.quote(query)}")
    status = page.locator("#search-status")
    page.wait_for_function("() => /找到/.test(document.getElementById('search-status').textContent)")
    assert "找到" in status.inner_text()
    return page.locator(".search-results a.search-title").evaluate_all("links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query,expected", QUERIES)
def test_a_chinese_query_finds_the_page_that_answers_it_in_the_first_three(page, site_url, query, expected, console_errors):
    results = search(page, site_url, query)
    # The glossary's entry for the very term may come first as well: it is a definition that links
    # to the article. Any other entry must not push the article down.
    own_entry = [path for path in results if path.startswith("/glossary/")][:1]
    answers = [path for path in results if path not in own_entry]
    assert expected in answers[:3], f"{query}: {results[:5]}"
    assert all(not path.startswith("/glossary/") for path in answers[:answers.index(expected)]), f"{query}: {results[:5]}"
    assert console_errors == []


@pytest.mark.parametrize("term,entry", [("同名账户", "/glossary/same-name-account/"), ("跳码", "/glossary/tiaoma/"),
                                        ("押金", "/glossary/deposit/"), ("备付金", "/glossary/reserve-funds/")])
def test_a_term_finds_its_glossary_entry_in_the_first_three(page, site_url, term, entry):
    results = search(page, site_url, term)
    assert entry in results[:3], f"{term}: {results[:5]}"


@pytest.mark.parametrize("name,expected", PROVIDER_NAMES)
def test_a_provider_is_found_by_each_of_its_names(page, site_url, name, expected):
    results = search(page, site_url, name)
    assert expected in results[:3], f"{name}: {results[:5]}"


def test_print_documents_and_lists_are_not_indexed_beside_the_pages_they_repeat(page, site_url):
    for query in ("一清", "手续费", "自查表"):
        results = search(page, site_url, query)
        assert results
        assert not [url for url in results if url.startswith("/guides/")], query
        assert "/articles/" not in results and "/providers/" not in results and "/" not in results


def test_results_show_title_section_and_marked_excerpt_on_a_phone(page, site_url, screenshot_dir, console_errors):
    search(page, site_url, "押金")
    first = page.locator(".search-results li").first
    assert first.locator(".search-title").inner_text().strip() != ""
    assert first.locator(".search-section").inner_text() in ("文章", "自查表", "工具", "支付机构", "名词解释")
    assert "押金" in first.locator(".search-excerpt mark").first.inner_text()
    # No navigation, footer or source list text in excerpts: only what the page says.
    excerpts = " ".join(page.locator(".search-excerpt").all_inner_texts())
    assert "跳到正文" not in excerpts and "不卖机器、不收广告" not in excerpts
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshot_dir / "search-yajin.png"))
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    assert results.violations_count == 0, results.generate_report()
    assert console_errors == []


def test_a_query_without_results_says_so_and_offers_the_lists(page, site_url, console_errors):
    page.goto(f"{site_url}/search/?q={urllib.parse.quote('量子火锅蒸汽朋克')}")
    status = page.locator("#search-status")
    page.wait_for_function("() => /没有找到/.test(document.getElementById('search-status').textContent)")
    assert "量子火锅蒸汽朋克" in status.inner_text()
    assert page.locator(".search-results li").count() == 0
    links = status.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/articles/" in links and "/providers/" in links
    assert console_errors == []


def test_typing_searches_in_place_and_keeps_the_query_in_the_address(page, site_url):
    page.goto(f"{site_url}/search/")
    page.locator("#search-q").fill("跳码")
    page.wait_for_function("() => document.querySelectorAll('.search-results li').length > 0")
    assert "/articles/merchant-number/" in page.locator(".search-results a.search-title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert urllib.parse.unquote(page.url).endswith("/search/?q=跳码")


def test_the_header_search_box_on_every_page_leads_to_the_results(page, site_url):
    page.goto(f"{site_url}/articles/yiqing-erqing/")
    assert page.locator("script[src='/assets/search.js']").count() == 0
    box = page.locator("header form.site-search input[name='q']")
    box.fill("押金")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_function("() => document.querySelectorAll('.search-results li').length > 0")
    assert page.locator("#search-q").input_value() == "押金"


def test_without_javascript_the_search_page_says_so_and_links_to_the_lists(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/search/?q={urllib.parse.quote('押金')}")
    status = page.locator("#search-status").inner_text()
    assert "JavaScript" in status
    links = page.locator("#search-status a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "/articles/" in links and "/providers/" in links
    context.close()


def test_the_preview_serves_an_index_that_follows_each_save(page, tmp_path):
    from test_preview import ROOT, Preview
    for folder in ("content", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    preview = Preview(tmp_path)
    try:
        page.goto(f"{preview.url}/search/?q={urllib.parse.quote('蓝莓芝士蛋糕')}")
        page.wait_for_function("() => /没有找到/.test(document.getElementById('search-status').textContent)")
        (tmp_path / "content/articles/blueberry.md").write_text(
            "---\ntitle: 预览搜索测试\n---\n\n这是一篇关于蓝莓芝士蛋糕的文章。" + "正文，" * 650
            + "见[条例](source:state-council-768)和[细则](source:pbc-order-2024-4)。\n", encoding="utf-8")
        # The live-reload script reloads the search page once the rebuild, index included, is served.
        page.wait_for_function("() => document.querySelectorAll('.search-results li').length > 0", timeout=15000)
        assert page.locator(".search-results a.search-title").first.get_attribute("href") == "/articles/blueberry/"
    finally:
        preview.stop()
