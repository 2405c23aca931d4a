#!/usr/bin/env python3
"""An independent oracle for the fee vectors in tools.json: recomputes every expected value
from its inputs with exact fractions (integer fen, half-up rounding), sharing no code with
the Swift library or tools.js. Prints "N passed, M failed" and exits 1 on any failure."""
import json
import math
import pathlib
from fractions import Fraction

VECTORS = json.loads((pathlib.Path(__file__).parent / "tools.json").read_text(encoding="utf-8"))
FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
FULL_WIDTH.update({"．": ".", "。": ".", "，": ",", "％": "%", "\u3000": " "})


def half_width(text):
    return "".join(FULL_WIDTH.get(c, c) for c in text).strip()


def fen(text):
    whole, _, fraction = half_width(text).replace(",", "").partition(".")
    return int(whole or "0") * 100 + int((fraction + "00")[:2])


def percent(text):
    return Fraction(half_width(text).rstrip("%").strip())


def half_up(value):
    return math.floor(value + Fraction(1, 2))


def yuan(value):
    return f"{'-' if value < 0 else ''}{abs(value) // 100}.{abs(value) % 100:02d}"


def price(given):
    amount, rate = fen(given["amount"]), percent(given["rate"])
    per_transaction, count = fen(given.get("per_txn_fee", "0")), given.get("txn_count", 0)
    annual, deposit = fen(given.get("annual_fee", "0")), fen(given.get("deposit", "0"))
    monthly = half_up(amount * rate / 100 + per_transaction * count + Fraction(annual, 12))
    yearly = half_up(amount * rate / 100 * 12 + per_transaction * count * 12 + annual)
    first_year = yearly + (0 if given.get("deposit_refunded") else deposit)
    effective = None if amount == 0 else yuan(half_up(Fraction(monthly * 10000, amount)))
    return {"monthly_fee": yuan(monthly), "effective_rate": effective, "yearly_fee": yuan(yearly),
            "first_year_fee": yuan(first_year), "rate_looks_mistyped": rate > 5}, yearly, first_year


def verdict(difference):
    return "报价二便宜" if difference > 0 else "报价一便宜" if difference < 0 else "两个一样"


passed = failed = 0


def check(description, actual, expected):
    global passed, failed
    if actual == expected:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {description}: computed {actual!r}, vector says {expected!r}")


for vector in VECTORS["fees"]:
    check(vector["description"], price(vector["input"])[0], vector["expected"])
for vector in VECTORS["comparisons"]:
    shared = {"amount": vector["input"]["amount"], "txn_count": vector["input"]["txn_count"]}
    a, a_yearly, a_first = price({**shared, **vector["input"]["a"]})
    b, b_yearly, b_first = price({**shared, **vector["input"]["b"]})
    check(vector["description"], {
        "first_year_fee": a["first_year_fee"], "b_first_year_fee": b["first_year_fee"],
        "yearly_fee": a["yearly_fee"], "b_yearly_fee": b["yearly_fee"],
        "first_year_difference": yuan(a_first - b_first), "yearly_difference": yuan(a_yearly - b_yearly),
        "first_year_verdict": verdict(a_first - b_first), "yearly_verdict": verdict(a_yearly - b_yearly),
    }, vector["expected"])
print(f"{passed} passed, {failed} failed")
raise SystemExit(0 if failed == 0 else 1)
