// posguide merchant tools: the fee calculator and the merchant-number decoder.
// No framework, no requests. Written for old Android WebViews (Chrome 69 era): ES5, no
// BigInt, no optional chaining. Until this script runs, the pages show "—" for every
// result, keep the inputs disabled and say the tool needs JavaScript; the script enables
// the inputs and hides that line only once it is wired up.
//
// Money is integer fen in plain numbers, exact below 2^53. The inputs are bounded (the
// same bounds as `posguide fee`) so that every intermediate stays below 2.5 × 10^15; the
// rules are those of `posguide fee`, and Tests/vectors/tools.json holds the cases both
// must agree on.
(function () {
  "use strict";

  var LIMIT = { amount: 1000000000, perTxn: 100000, count: 1000000, annual: 100000000, deposit: 100000000 };
  var RATE_UNIT = 1000;           // rates are held in thousandths of a percent: 0.38% -> 380
  var RATE_MAX = 100 * RATE_UNIT; // 100%
  var RATE_QUESTION = 5 * RATE_UNIT;

  // Full-width digits, "．" "。" "，" "％" and the ideographic space as their ASCII forms.
  function halfWidth(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 0xFF10 && code <= 0xFF19) out += String.fromCharCode(code - 0xFF10 + 0x30);
      else if (code === 0xFF0E || code === 0x3002) out += ".";
      else if (code === 0xFF0C) out += ",";
      else if (code === 0xFF05) out += "%";
      else if (code === 0x3000) out += " ";
      else out += text.charAt(i);
    }
    return out.replace(/^\s+|\s+$/g, "");
  }

  // A parsed input: {value: n}, {empty: true} or {problem: "number" | "large" | "decimals"}.
  function wholeNumber(digits) {
    digits = digits.replace(/^0+(?=\d)/, "");
    return digits.length > 15 ? Infinity : Number(digits || "0");
  }

  // "1,234.5" 元 -> 123450 fen.
  function fen(text, max) {
    var s = halfWidth(text).replace(/,/g, "");
    if (s === "") return { empty: true };
    if (s === "." || !/^\d*(\.\d{0,2})?$/.test(s)) return { problem: "number" };
    var parts = s.split(".");
    var value = wholeNumber(parts[0]) * 100 + Number(((parts[1] || "") + "00").slice(0, 2));
    return value > max ? { problem: "large" } : { value: value };
  }

  // "0.38", "0.38%" or "０．３８％" -> 380 (thousandths of a percent).
  function rate(text) {
    var s = halfWidth(text).replace(/\s*%$/, "");
    if (s === "") return { empty: true };
    if (s === "." || !/^\d*(\.\d*)?$/.test(s)) return { problem: "number" };
    var parts = s.split(".");
    var decimals = (parts[1] || "").replace(/0+$/, "");
    if (decimals.length > 3) return { problem: "decimals" };
    var value = wholeNumber(parts[0]) * RATE_UNIT + Number((decimals + "000").slice(0, 3));
    return value > RATE_MAX ? { problem: "large" } : { value: value };
  }

  function count(text) {
    var s = halfWidth(text);
    if (s === "") return { empty: true };
    if (!/^\d+$/.test(s)) return { problem: "number" };
    var value = wholeNumber(s);
    return value > LIMIT.count ? { problem: "large" } : { value: value };
  }

  // Floor of a / b for non-negative integers below 2^53: the float quotient can be one off
  // near an integer, so the remainder corrects it.
  function divFloor(a, b) {
    var q = Math.floor(a / b);
    var r = a - q * b;
    if (r < 0) q -= 1;
    else if (r >= b) q += 1;
    return q;
  }

  // a / b rounded half-up, for non-negative integers.
  function divRound(a, b) {
    return divFloor(2 * a + b, 2 * b);
  }

  // 123450 -> "1234.50"; also hundredths of a percent -> "0.80".
  function yuan(f) {
    var magnitude = Math.abs(f);
    var whole = divFloor(magnitude, 100);
    var cents = magnitude - whole * 100;
    return (f < 0 ? "-" : "") + String(whole) + "." + (cents < 10 ? "0" : "") + String(cents);
  }

  // 38000 thousandths -> "38", 385 -> "0.385".
  function percentText(thousandths) {
    var whole = divFloor(thousandths, RATE_UNIT);
    var fraction = String(thousandths - whole * RATE_UNIT + RATE_UNIT).slice(1).replace(/0+$/, "");
    return String(whole) + (fraction ? "." + fraction : "");
  }

  // One offer priced on the month's sales. Monthly: the parts summed exactly, rounded
  // half-up to the fen once. Yearly: 12 months summed exactly (the annual fee whole),
  // rounded once. First year: yearly plus a deposit whose refund is not in the contract.
  function price(amount, transactions, offer) {
    var perTxn = offer.perTxn * transactions;
    // amount × rate% = amount × r / (100 × 1000); annual ÷ 12: over 1,200,000 together.
    var monthly = perTxn + divRound(12 * amount * offer.rate + 100 * RATE_UNIT * offer.annual, 12 * 100 * RATE_UNIT);
    var yearly = 12 * perTxn + offer.annual + divRound(12 * amount * offer.rate, 100 * RATE_UNIT);
    return {
      monthly: monthly,
      effective: amount > 0 ? divRound(monthly * 10000, amount) : null,
      yearly: yearly,
      firstYear: yearly + (offer.refunded ? 0 : offer.deposit)
    };
  }

  var MESSAGES = {
    amount: { label: "每月刷卡金额", number: "请填数字，最多两位小数，例如 50000", large: "最多算到 1000 万元" },
    txn_count: { label: "每月刷卡笔数", number: "请填整数，例如 200", large: "最多算到 100 万笔" },
    rate: { label: "费率", number: "请填百分数，例如 0.38", large: "不能超过 100%", decimals: "最多三位小数，例如 0.385" },
    per_txn_fee: { label: "每笔另收", number: "请填金额，最多两位小数", large: "最多算到 1000 元" },
    annual_fee: { label: "年费", number: "请填金额，最多两位小数", large: "最多算到 100 万元" },
    deposit: { label: "押金", number: "请填金额，最多两位小数", large: "最多算到 100 万元" }
  };

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  // Enables the form and hides the "needs JavaScript" line, once the tool is wired up.
  function ready(form, update) {
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    each(form.querySelectorAll("input"), function (input) { input.disabled = false; });
    each(form.querySelectorAll("[data-needs-script]"), function (line) { line.hidden = true; });
    update();
  }

  function feeCalculator(form) {
    function input(name) { return form.querySelector('[name="' + name + '"]'); }
    function show(name, text) {
      var element = form.querySelector('[data-result="' + name + '"]');
      if (element) element.textContent = text;
    }
    function update() {
      var problems = [];
      function read(name, parse, max, prefix, offerLabel) {
        var parsed = parse(input(prefix + name).value, max);
        if (parsed.problem) problems.push(offerLabel + MESSAGES[name].label + MESSAGES[name][parsed.problem]);
        return parsed;
      }
      var amount = read("amount", fen, LIMIT.amount, "", "");
      var transactions = read("txn_count", count, 0, "", "");
      function offer(prefix, offerLabel) {
        var r = read("rate", rate, 0, prefix, offerLabel);
        var perTxn = read("per_txn_fee", fen, LIMIT.perTxn, prefix, offerLabel);
        var annual = read("annual_fee", fen, LIMIT.annual, prefix, offerLabel);
        var deposit = read("deposit", fen, LIMIT.deposit, prefix, offerLabel);
        if (r.value > RATE_QUESTION) {
          problems.push(offerLabel + "费率 " + percentText(r.value) + "% 比常见报价高得多：是不是少写了小数点？0.38% 就填 0.38。");
        }
        if (perTxn.value > 0 && transactions.empty) problems.push(offerLabel + "每笔另收要乘以笔数：请填上每月刷卡笔数");
        if (r.value === undefined || perTxn.problem || annual.problem || deposit.problem) return null;
        return { rate: r.value, perTxn: perTxn.value || 0, annual: annual.value || 0, deposit: deposit.value || 0,
                 refunded: input(prefix + "deposit_refunded").checked };
      }
      var a = offer("", "报价一的");
      var b = offer("b_", "报价二的");
      var usable = amount.value !== undefined && !transactions.problem &&
        !(transactions.empty && ((a && a.perTxn > 0) || (b && b.perTxn > 0)));
      var costs = [a, b].map(function (o) { return usable && o ? price(amount.value, transactions.value || 0, o) : null; });
      ["", "b-"].forEach(function (prefix, index) {
        var cost = costs[index];
        show(prefix + "monthly-fee", cost ? yuan(cost.monthly) : "—");
        show(prefix + "effective-rate", cost && cost.effective !== null ? yuan(cost.effective) : "—");
        show(prefix + "yearly-fee", cost ? yuan(cost.yearly) : "—");
        show(prefix + "first-year-fee", cost ? yuan(cost.firstYear) : "—");
      });
      function verdict(name, difference) {
        var known = costs[0] && costs[1];
        show(name + "-verdict", !known ? "—" : difference > 0 ? "报价二便宜" : difference < 0 ? "报价一便宜" : "两个一样");
        show(name + "-difference", known ? yuan(Math.abs(difference)) : "—");
      }
      verdict("first-year", costs[0] && costs[1] ? costs[0].firstYear - costs[1].firstYear : 0);
      verdict("yearly", costs[0] && costs[1] ? costs[0].yearly - costs[1].yearly : 0);
      show("warning", problems.join("；"));
    }
    ready(form, update);
  }

  function merchantNumber(form) {
    var data = document.getElementById("posguide-mcc");
    var table = data ? JSON.parse(data.textContent) : { codes: {}, advice: { known: "", unknown: "" } };
    var field = form.querySelector('[name="merchant_no"]');
    function show(name, text) {
      var element = form.querySelector('[data-result="' + name + '"]');
      if (element) element.textContent = text;
    }
    function set(parts) {
      ["acquirer", "region", "mcc", "sequence"].forEach(function (name) { show(name, parts ? parts[name] : "—"); });
      show("mcc-name", parts ? parts.name : "");
      show("advice", parts ? parts.advice : "");
    }
    function update() {
      var digits = "", others = "";
      var text = field.value;
      for (var i = 0; i < text.length; i++) {
        var ch = text.charAt(i), code = text.charCodeAt(i);
        if (code >= 0x30 && code <= 0x39) digits += ch;
        else if (code >= 0xFF10 && code <= 0xFF19) digits += String.fromCharCode(code - 0xFF10 + 0x30);
        else if (ch !== " " && ch !== "\u3000" && ch !== "\t" && ch !== "-") others += ch;
      }
      var empty = digits === "" && others === "";
      var warning = others ? "商户编号只含数字，这里有：" + others
        : empty ? ""
        : digits.length !== 15 ? "商户编号常见为 15 位，这里是 " + digits.length + " 位；请对照签购单再看一遍" : "";
      show("warning", warning);
      if (warning || empty) { set(null); return; }
      var mcc = digits.slice(7, 11);
      var entry = Object.prototype.hasOwnProperty.call(table.codes, mcc) ? table.codes[mcc] : null;
      set({ acquirer: digits.slice(0, 3), region: digits.slice(3, 7), mcc: mcc, sequence: digits.slice(11),
            name: entry ? entry.name : "举例表里没有这个代码",
            advice: entry ? table.advice.known.replace("{category}", entry.category) : table.advice.unknown.replace("{code}", mcc) });
    }
    ready(form, update);
  }

  each(document.querySelectorAll('form[data-tool="fee-calculator"]'), feeCalculator);
  each(document.querySelectorAll('form[data-tool="merchant-number"]'), merchantNumber);
})();
