"""The merchant tools in a real browser at 390 × 844: every shared vector typed in, results
read back and compared with `posguide fee --json`; the pages without JavaScript, without
tools.js and without BigInt; no console errors, no axe violations (WCAG 2 A/AA); and
screenshots of each page with the script on and off."""
import json
import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, VECTORS

PAGES = ["/tools/fees/", "/tools/merchant-number/"]
OFFER_FIELDS = ["rate", "per_txn_fee", "annual_fee", "deposit"]
NO_RESULT = "—"


def cli_fee(amount, txn_count, offer):
    """`posguide fee ... --json` for one offer, as the CLI contract promises."""
    binary = ROOT / ".build" / "debug" / "posguide"
    if not binary.exists():
        binary = ROOT / ".build" / "release" / "posguide"
    arguments = [str(binary), "fee", "--amount", amount, "--rate", offer["rate"], "--txn-count", str(txn_count),
                 "--per-txn-fee", offer.get("per_txn_fee", "0"), "--annual-fee", offer.get("annual_fee", "0"),
                 "--deposit", offer.get("deposit", "0"), "--json"]
    if offer.get("deposit_refunded"):
        arguments.append("--deposit-refunded")
    return json.loads(subprocess.run(arguments, check=True, capture_output=True, text=True).stdout)


def fen(yuan):
    whole, _, cents = yuan.lstrip("-").partition(".")
    return (-1 if yuan.startswith("-") else 1) * (int(whole) * 100 + int(cents))


def fill_offer(form, prefix, offer):
    for name in OFFER_FIELDS:
        form.locator(f'input[name="{prefix}{name}"]').fill(offer.get(name, ""))
    form.locator(f'input[name="{prefix}deposit_refunded"]').set_checked(bool(offer.get("deposit_refunded")))


def fill(form, amount, txn_count, a, b=None):
    form.locator('input[name="amount"]').fill(amount)
    form.locator('input[name="txn_count"]').fill(str(txn_count) if txn_count else "")
    fill_offer(form, "", a)
    fill_offer(form, "b_", b or {})


def result(form, name):
    return form.locator(f'[data-result="{name}"]').inner_text()


def every_result(page):
    return page.locator("[data-result]").all_inner_texts()


def test_fee_calculator_starts_empty(page, site_url, console_errors):
    page.goto(f"{site_url}/tools/fees/")
    form = page.locator('form[data-tool="fee-calculator"]')
    for field in form.locator("input").all():
        assert field.is_enabled()
        if field.get_attribute("type") == "checkbox":
            assert not field.is_checked()
        else:
            assert field.input_value() == ""
    assert not any(re.search(r"\d", text) for text in every_result(page))
    assert form.locator("[data-needs-script]").is_hidden()
    assert console_errors == []


def test_fee_calculator_matches_every_vector(page, site_url, console_errors):
    page.goto(f"{site_url}/tools/fees/")
    form = page.locator('form[data-tool="fee-calculator"]')
    for vector in VECTORS["fees"]:
        given, expected, description = vector["input"], vector["expected"], vector["description"]
        fill(form, given["amount"], given.get("txn_count", 0), given)
        assert result(form, "monthly-fee") == expected["monthly_fee"], description
        assert result(form, "effective-rate") == (expected["effective_rate"] or NO_RESULT), description
        assert result(form, "yearly-fee") == expected["yearly_fee"], description
        assert result(form, "first-year-fee") == expected["first_year_fee"], description
        assert ("是不是少写了小数点" in result(form, "warning")) == expected["rate_looks_mistyped"], description
    for vector in VECTORS["invalid_fees"]:
        given = vector["input"]
        fill(form, given["amount"], given.get("txn_count", 0), given)
        assert result(form, "warning") != "", vector["description"]
        assert result(form, "first-year-fee") == NO_RESULT, vector["description"]
    assert console_errors == []


def test_two_offers_compare_like_the_cli(page, site_url, console_errors):
    page.goto(f"{site_url}/tools/fees/")
    form = page.locator('form[data-tool="fee-calculator"]')
    for vector in VECTORS["comparisons"]:
        given, expected, description = vector["input"], vector["expected"], vector["description"]
        fill(form, given["amount"], given["txn_count"], given["a"], given["b"])
        a = cli_fee(given["amount"], given["txn_count"], given["a"])
        b = cli_fee(given["amount"], given["txn_count"], given["b"])
        assert result(form, "first-year-fee") == a["first_year_fee"] == expected["first_year_fee"], description
        assert result(form, "b-first-year-fee") == b["first_year_fee"] == expected["b_first_year_fee"], description
        difference = fen(a["first_year_fee"]) - fen(b["first_year_fee"])
        assert fen(result(form, "first-year-difference")) == abs(difference) == abs(fen(expected["first_year_difference"])), description
        yearly = fen(a["yearly_fee"]) - fen(b["yearly_fee"])
        assert fen(result(form, "yearly-difference")) == abs(yearly), description
        assert result(form, "first-year-verdict") == expected["first_year_verdict"], description
        assert result(form, "yearly-verdict") == expected["yearly_verdict"], description
    assert console_errors == []


def test_a_mistyped_rate_gets_a_question(page, site_url):
    page.goto(f"{site_url}/tools/fees/")
    form = page.locator('form[data-tool="fee-calculator"]')
    fill(form, "50000", 0, {"rate": "38"}, {"rate": "０．６％"})
    warning = form.locator('[data-result="warning"]')
    assert warning.is_visible()
    assert warning.inner_text() == "报价一的费率 38% 比常见报价高得多：是不是少写了小数点？0.38% 就填 0.38。"
    form.locator('input[name="rate"]').fill("0.38")
    assert result(form, "warning") == ""
    assert result(form, "first-year-verdict") == "报价一便宜"


def test_tools_compute_without_bigint(browser, site_url):
    # Android WebViews of the Chrome 69 era have no BigInt.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("delete window.BigInt;")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/tools/fees/")
    assert page.evaluate("typeof BigInt") == "undefined"
    form = page.locator('form[data-tool="fee-calculator"]')
    fill(form, "50000", 200, {"rate": "0.38", "per_txn_fee": "1", "annual_fee": "120", "deposit": "300"}, {"rate": "0.6"})
    assert result(form, "first-year-fee") == "5100.00"
    assert result(form, "first-year-difference") == "1500.00"
    page.goto(f"{site_url}/tools/merchant-number/")
    page.locator('input[name="merchant_no"]').fill("105290058120392")
    assert page.locator('[data-result="mcc-name"]').inner_text() == "就餐场所和餐馆"
    assert errors == []
    context.close()


def test_merchant_number_decoder_starts_empty_and_matches_every_vector(page, site_url, console_errors):
    page.goto(f"{site_url}/tools/merchant-number/")
    form = page.locator('form[data-tool="merchant-number"]')
    field = form.locator('input[name="merchant_no"]')
    assert field.input_value() == ""
    assert not any(re.search(r"\d", text) for text in every_result(page))
    for vector in VECTORS["merchant_numbers"]:
        field.fill(vector["input"])
        expected = vector["expected"]
        for name in ("acquirer", "region", "mcc", "sequence"):
            assert result(form, name) == expected[name], vector["description"]
        assert result(form, "mcc-name") == (expected["mcc_name"] or "举例表里没有这个代码"), vector["description"]
        advice = result(form, "advice")
        if expected["mcc_category"]:
            assert advice.startswith(f"这是一个「{expected['mcc_category']}」类代码。"), vector["description"]
        else:
            assert f"没有 {expected['mcc']} 这个代码" in advice, vector["description"]
        assert result(form, "warning") == ""
    for vector in VECTORS["invalid_merchant_numbers"]:
        field.fill(vector["input"])
        assert result(form, "warning") == vector.get("page_warning", vector["warning"]), vector["description"]
        assert result(form, "mcc") == NO_RESULT
    assert console_errors == []


def test_enter_never_puts_the_number_in_the_url(page, site_url):
    page.goto(f"{site_url}/tools/merchant-number/")
    field = page.locator('input[name="merchant_no"]')
    field.fill("105290058120392")
    field.press("Enter")
    page.wait_for_timeout(300)
    assert page.url == f"{site_url}/tools/merchant-number/"
    assert page.locator('[data-result="mcc"]').inner_text() == "5812"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("how", ["javascript off", "tools.js not loaded"])
def test_without_the_script_no_result_and_nothing_in_the_url(browser, site_url, path, how, screenshot_dir):
    context = browser.new_context(java_script_enabled=how != "javascript off", viewport={"width": 390, "height": 844})
    page = context.new_page()
    if how == "tools.js not loaded":
        page.route("**/assets/tools.js", lambda route: route.abort())
    page.goto(f"{site_url}{path}")
    texts = every_result(page)
    assert texts and not any(re.search(r"\d", text) for text in texts), texts
    notice = page.locator("[data-needs-script]")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()
    example = notice.locator("a").get_attribute("href")
    assert page.locator(example).is_visible(), "the notice points at the static example"
    assert page.locator(f"{example} td").first.inner_text() != ""
    fields = page.locator("form[data-tool] input")
    assert fields.count() > 0 and all(field.is_disabled() for field in fields.all())
    # Try to type a number and press Enter anyway: nothing can be typed, nothing is sent.
    page.locator("form[data-tool] label").first.click(force=True)
    page.keyboard.press("Tab")
    page.keyboard.type("105290058120392")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.url == f"{site_url}{path}"
    assert "?" not in page.url
    if how == "javascript off":
        name = path.strip("/").replace("/", "-")
        page.screenshot(path=str(screenshot_dir / f"{name}-no-script.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_tool_pages_have_no_accessibility_violations(page, site_url, path, screenshot_dir):
    page.goto(f"{site_url}{path}")
    if path == "/tools/fees/":
        fill(page.locator("form[data-tool]"), "50000", 200,
             {"rate": "0.38", "per_txn_fee": "1", "annual_fee": "120", "deposit": "299"}, {"rate": "0.6"})
    else:
        page.locator('input[name="merchant_no"]').fill("105290058130392")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    page.screenshot(path=str(screenshot_dir / (path.strip("/").replace("/", "-") + ".png")), full_page=True)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", PAGES)
def test_tool_controls_are_big_enough_to_tap(page, site_url, path):
    page.goto(f"{site_url}{path}")
    for control in page.locator("form[data-tool] input").all():
        target = control if control.get_attribute("type") != "checkbox" else control.locator("xpath=..")
        box = target.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (control.get_attribute("name"), box)
