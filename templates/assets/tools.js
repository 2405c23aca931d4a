// posguide merchant tools: the fee calculator and the merchant-number decoder.
// No framework, no requests. The pages work without this script; it only updates
// the results as you type. Money is integer fen in BigInt, the same rules as
// `posguide fee` (Tests/vectors/tools.json holds the cases both must agree on).
(function () {
  "use strict";

  // "1,234.5" 元 -> 123450n fen; null when not an amount with at most two decimals.
  function fen(text) {
    var s = String(text).replace(/,/g, "").trim();
    if (!/^\d*(\.\d{0,2})?$/.test(s) || s === "" || s === ".") return null;
    var parts = s.split(".");
    var whole = parts[0] === "" ? "0" : parts[0];
    var fraction = ((parts[1] || "") + "00").slice(0, 2);
    return BigInt(whole) * 100n + BigInt(fraction);
  }

  // "0.38" or "0.38%" -> {n: 38n, d: 100n}, the percent as a fraction.
  function percent(text) {
    var s = String(text).replace("%", "").trim();
    if (!/^\d*(\.\d*)?$/.test(s) || s === "" || s === ".") return null;
    var parts = s.split(".");
    var decimals = (parts[1] || "");
    return { n: BigInt((parts[0] || "0") + decimals), d: 10n ** BigInt(decimals.length) };
  }

  function yuan(f) {
    var cents = f % 100n;
    return (f / 100n).toString() + "." + (cents < 10n ? "0" : "") + cents.toString();
  }

  // Half-up division of non-negative BigInts.
  function divRound(numerator, denominator) {
    return (2n * numerator + denominator) / (2n * denominator);
  }

  function feeCalculator(form) {
    var out = {
      fee: form.querySelector('[data-result="monthly-fee"]'),
      rate: form.querySelector('[data-result="effective-rate"]'),
      warning: form.querySelector('[data-result="warning"]')
    };
    function value(name) { return form.elements[name].value; }
    function update() {
      var amount = fen(value("amount"));
      var rate = percent(value("rate"));
      var perTxn = fen(value("per_txn_fee") || "0");
      var countText = String(value("txn_count") || "0").trim();
      var annual = fen(value("annual_fee") || "0");
      var problem = amount === null ? "每月刷卡金额请填数字，最多两位小数"
        : rate === null ? "费率请填百分数，例如 0.6"
        : perTxn === null ? "每笔另收请填金额，最多两位小数"
        : !/^\d+$/.test(countText) ? "每月笔数请填整数"
        : annual === null ? "年费请填金额，最多两位小数" : "";
      out.warning.textContent = problem;
      if (problem) { out.fee.textContent = "—"; out.rate.textContent = "—"; return; }
      var count = BigInt(countText);
      // Sum the parts exactly over one denominator, then round once to the fen.
      var denominator = rate.d * 100n * 12n;
      var numerator = amount * rate.n * 12n + perTxn * count * denominator + annual * rate.d * 100n;
      var total = divRound(numerator, denominator);
      out.fee.textContent = yuan(total);
      if (amount === 0n) { out.rate.textContent = "—"; return; }
      var hundredths = divRound(total * 10000n, amount);
      out.rate.textContent = yuan(hundredths);
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    update();
  }

  function merchantNumber(form) {
    var data = document.getElementById("posguide-mcc");
    var names = data ? JSON.parse(data.textContent) : {};
    function result(name) { return form.querySelector('[data-result="' + name + '"]'); }
    function set(fields) {
      ["acquirer", "region", "mcc", "mcc-name", "sequence"].forEach(function (name) {
        var element = result(name);
        if (element) element.textContent = fields[name] || "";
      });
    }
    function update() {
      var digits = "", others = "";
      Array.from(form.elements.merchant_no.value).forEach(function (ch) {
        var code = ch.charCodeAt(0);
        if (code >= 0x30 && code <= 0x39) digits += ch;
        else if (code >= 0xFF10 && code <= 0xFF19) digits += String.fromCharCode(code - 0xFF10 + 0x30);
        else if (ch !== " " && ch !== "\u3000" && ch !== "\t" && ch !== "-") others += ch;
      });
      var warning = others ? "商户编号只含数字，这里有：" + others
        : digits === "" ? "请输入签购单上的商户编号"
        : digits.length !== 15 ? "商户编号常见为 15 位，这里是 " + digits.length + " 位；请对照签购单再看一遍" : "";
      result("warning").textContent = warning;
      if (warning) { set({}); return; }
      var mcc = digits.slice(7, 11);
      set({ acquirer: digits.slice(0, 3), region: digits.slice(3, 7), mcc: mcc,
            "mcc-name": names[mcc] || "举例表里没有这个代码", sequence: digits.slice(11) });
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    update();
  }

  document.querySelectorAll('form[data-tool="fee-calculator"]').forEach(feeCalculator);
  document.querySelectorAll('form[data-tool="merchant-number"]').forEach(merchantNumber);
})();
