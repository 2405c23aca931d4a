"""Every page of the built site on a phone (WeChat's browser on Android, 390 × 844): nothing wider
than the screen, every link and control big enough to tap (WCAG 2.2 target size, 2.5.8), the
standalone ones 44 × 44 px, wide tables that scroll inside their box with a visible cue, a
favicon, and a feed link that explains itself.

One browser page visits every HTML file of the output folder once at 390 px and once at 320 px;
the tests read those measurements. The printable guides (/guides/<id>/) are measured too: they are
read on phones before printing, but their screen look comes from print.css, not site.css.
"""
import math
import urllib.request

import pytest

# Every element a finger can activate, as the browser lays it out. An input inside a <label> is
# tapped through the label (tapping the text ticks the box), so the label's box is its target.
MEASURE = """() => {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
  const standalone = '.site-header a, .site-footer a, .breadcrumb a, .guide-nav a, td a, th a, button, input, select, textarea';
  const targets = [];
  for (const element of document.querySelectorAll(selector)) {
    const label = element.matches('input, select, textarea') ? element.closest('label') : null;
    const box = (label || element).getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (box.right <= 0 || box.left >= innerWidth) continue;  // the skip link, until it is focused
    targets.push({
      name: (element.outerHTML.match(/^<[^>]*>/) || [''])[0].slice(0, 80) + ' ' + (element.textContent || '').trim().slice(0, 24),
      left: box.left + scrollX, top: box.top + scrollY, width: box.width, height: box.height,
      standalone: element.matches(standalone),
    });
  }
  const tables = [...document.querySelectorAll('table')].map(table => {
    const box = table.parentElement;
    const style = getComputedStyle(box);
    return {
      caption: (table.caption ? table.caption.textContent : table.className).slice(0, 40),
      overflows: table.getBoundingClientRect().width > box.clientWidth + 1,
      scrolls: ['auto', 'scroll'].includes(style.overflowX),
      cue: style.backgroundImage.includes('gradient'),
      focusable: box.tabIndex >= 0,
    };
  });
  const nav = [...document.querySelectorAll('.site-nav a')].map(a => {
    const box = a.getBoundingClientRect();
    return {text: a.textContent, top: box.top, height: box.height};
  });
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth,
          print: document.body.classList.contains('guide'), targets, tables, nav};
}"""


@pytest.fixture(scope="module")
def phone(browser, browser_context_args, site_url, site_pages):
    """Measurements of every page: {path: {390: ..., 320: ...}}, from one reused browser page."""
    context = browser.new_context(**browser_context_args)
    page = context.new_page()
    measured = {path: {} for path in site_pages}
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 844})
        for path in site_pages:
            page.goto(site_url + path, wait_until="load")
            measured[path][width] = page.evaluate(MEASURE)
    context.close()
    return measured


def site_pages_of(phone, print_pages):
    return {path: sizes for path, sizes in phone.items() if sizes[390]["print"] == print_pages}


def test_no_page_is_wider_than_a_390_or_320_px_phone(phone):
    wide = [f"{path} at {width} px: {sizes[width]['scrollWidth']} px wide"
            for path, sizes in phone.items() for width in (390, 320)
            if sizes[width]["scrollWidth"] > sizes[width]["innerWidth"]]
    assert wide == []


def test_a_table_wider_than_the_phone_scrolls_in_its_own_box_with_a_visible_cue(phone):
    wide_tables = 0
    problems = []
    for path, sizes in phone.items():
        for table in sizes[390]["tables"]:
            if not table["overflows"]:
                continue
            wide_tables += 1
            if not (table["scrolls"] and table["cue"] and table["focusable"]):
                problems.append(f"{path}: table {table['caption']!r} is cut off: {table}")
    assert problems == []
    # The fee calculator's worked examples do not fit 390 px: this test must have seen a wide table.
    assert wide_tables >= 1


def undersized_targets(targets):
    """WCAG 2.2 (2.5.8): a target smaller than 24 × 24 passes only if a 24 px circle centred on it
    touches no other target and no other undersized target's circle."""
    small = [t for t in targets if t["width"] < 24 - 0.01 or t["height"] < 24 - 0.01]
    centre = lambda t: (t["left"] + t["width"] / 2, t["top"] + t["height"] / 2)
    failing = []
    for target in small:
        x, y = centre(target)
        for other in targets:
            if other is target:
                continue
            dx = max(other["left"] - x, 0, x - (other["left"] + other["width"]))
            dy = max(other["top"] - y, 0, y - (other["top"] + other["height"]))
            circles_meet = other in small and math.dist((x, y), centre(other)) < 24
            if math.hypot(dx, dy) < 12 or circles_meet:
                failing.append(f"{target['name']} ({target['width']:.0f}×{target['height']:.0f}) crowds {other['name']}")
                break
    return failing


def standalone_too_small(targets):
    return [f"{t['name']} ({t['width']:.0f}×{t['height']:.0f})" for t in targets
            if t["standalone"] and (t["width"] < 44 - 0.01 or t["height"] < 44 - 0.01)]


def test_every_link_and_control_is_24_px_or_spaced_like_wcag_2_2_asks(phone):
    pages = site_pages_of(phone, print_pages=False)
    failures = {path: undersized_targets(sizes[390]["targets"]) for path, sizes in pages.items()}
    assert {path: found for path, found in failures.items() if found} == {}
    assert sum(len(sizes[390]["targets"]) for sizes in pages.values()) > 500


def test_navigation_footer_table_links_buttons_and_inputs_are_44_px(phone):
    pages = site_pages_of(phone, print_pages=False)
    failures = {path: standalone_too_small(sizes[390]["targets"]) for path, sizes in pages.items()}
    assert {path: found for path, found in failures.items() if found} == {}
    # Every page has its header and footer links; the provider list has table links.
    assert all(sum(t["standalone"] for t in sizes[390]["targets"]) >= 8 for sizes in pages.values())


def test_nav_items_line_up_whichever_is_current(phone):
    crooked = {}
    for path, sizes in site_pages_of(phone, print_pages=False).items():
        nav = sizes[390]["nav"]
        first_row = [item for item in nav if abs(item["top"] - nav[0]["top"]) < 22]
        if len(first_row) != len(nav) or len({(round(i["top"]), round(i["height"])) for i in nav}) != 1:
            crooked[path] = nav
    assert crooked == {}


def test_the_printable_guides_have_tap_targets_like_every_other_page(phone):
    pages = site_pages_of(phone, print_pages=True)
    assert len(pages) >= 1
    failures = {path: undersized_targets(sizes[390]["targets"]) + standalone_too_small(sizes[390]["targets"])
                for path, sizes in pages.items()}
    assert {path: found for path, found in failures.items() if found} == {}


def test_the_favicon_is_served_at_the_root_and_linked_from_every_page(site_url, site_output):
    with urllib.request.urlopen(site_url + "/favicon.ico") as response:
        assert response.status == 200
        assert response.read(4) == b"\x00\x00\x01\x00"  # an ICO file
    for file in site_output.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        if 'class="guide' not in html:
            assert '<link rel="icon" href="/favicon.ico"' in html, file


def test_the_feed_link_explains_the_feed_in_plain_chinese(page, site_url, console_errors):
    page.goto(site_url + "/")
    page.get_by_role("link", name="订阅更新").click()
    page.wait_for_load_state()
    assert page.evaluate("document.contentType") == "text/html"
    text = page.locator("main").inner_text()
    for words in ("订阅源", "微信", "阅读器", "feed.xml"):
        assert words in text
    assert console_errors == []
