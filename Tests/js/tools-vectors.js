// Runs templates/assets/tools.js against Tests/vectors/tools.json with a minimal
// stand-in for the page's forms, so the JavaScript and the Swift library are held
// to the same vectors. The script runs with BigInt deleted, as on an old Android WebView,
// and must not use syntax such a WebView cannot parse. Prints "N passed, M failed" and
// exits 1 on any failure. Real-browser tests (Playwright) exercise the same pages end to end.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = path.join(__dirname, "..", "..");
const script = fs.readFileSync(path.join(root, "templates/assets/tools.js"), "utf8");
const vectors = JSON.parse(fs.readFileSync(path.join(root, "Tests/vectors/tools.json"), "utf8"));

let passed = 0, failed = 0;
function check(description, actual, expected) {
  if (actual === expected) { passed += 1; return; }
  failed += 1;
  console.log(`FAIL ${description}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

// Chrome 69 (Android WebViews still in use) has no BigInt, `?.` or `??`.
const code = script.replace(/\/\/.*$/gm, "");
for (const [name, pattern] of [["BigInt", /BigInt/], ["a BigInt literal", /\b\d+n\b/], ["optional chaining", /\?\.(?!\d)/],
                               ["nullish coalescing", /\?\?/], ["logical assignment", /(\|\||&&)=/]]) {
  check(`tools.js uses no ${name}`, pattern.test(code), false);
}

function fakeForm(names, results) {
  const inputs = {};
  names.forEach((name) => { inputs[name] = { value: "", checked: false, disabled: true }; });
  const outputs = {};
  results.forEach((name) => { outputs[name] = { textContent: "—" }; });
  const notice = { hidden: false };
  const listeners = {};
  return {
    inputs,
    outputs,
    notice,
    querySelector(selector) {
      const result = /data-result="([a-z-]+)"/.exec(selector);
      if (result) return outputs[result[1]] || null;
      const name = /name="([a-z_]+)"/.exec(selector);
      return name ? inputs[name[1]] || null : null;
    },
    querySelectorAll(selector) {
      if (selector === "input") return Object.values(inputs);
      if (selector === "[data-needs-script]") return [notice];
      return [];
    },
    addEventListener(type, handler) { listeners[type] = handler; },
    fire(type) { listeners[type]({ preventDefault() {} }); },
  };
}

const offerFields = ["rate", "per_txn_fee", "annual_fee", "deposit", "deposit_refunded"];
const feeResults = ["monthly-fee", "effective-rate", "yearly-fee", "first-year-fee"];
const fee = fakeForm(["amount", "txn_count", ...offerFields, ...offerFields.map((name) => "b_" + name)],
  [...feeResults, ...feeResults.map((name) => "b-" + name), "first-year-verdict", "first-year-difference",
   "yearly-verdict", "yearly-difference", "warning"]);
const decoder = fakeForm(["merchant_no"], ["acquirer", "region", "mcc", "mcc-name", "sequence", "advice", "warning"]);

// The MCC table as the site embeds it, from content/data/mcc.yaml
// (`"code": {name: …, category: …}` lines and the `advice` templates).
const table = { codes: {}, advice: {} };
for (const line of fs.readFileSync(path.join(root, "content/data/mcc.yaml"), "utf8").split("\n")) {
  const entry = /^\s+"(\d{4})":\s*\{name:\s*([^,]+),\s*category:\s*([^}]+)\}/.exec(line);
  if (entry) table.codes[entry[1]] = { name: entry[2].trim(), category: entry[3].trim() };
  const advice = /^\s+(known|unknown):\s*(.+)$/.exec(line);
  if (advice) table.advice[advice[1]] = advice[2].trim();
}

const document = {
  querySelectorAll(selector) {
    if (selector.includes("fee-calculator")) return [fee];
    if (selector.includes("merchant-number")) return [decoder];
    return [];
  },
  getElementById(id) { return id === "posguide-mcc" ? { textContent: JSON.stringify(table) } : null; },
};
const context = vm.createContext({ document });
vm.runInContext("delete globalThis.BigInt;", context);
vm.runInContext(script, context);

for (const form of [fee, decoder]) {
  check("the script enables the inputs", Object.values(form.inputs).every((input) => !input.disabled), true);
  check("the script hides the needs-JavaScript line", form.notice.hidden, true);
}
check("an empty calculator shows no number", feeResults.every((name) => fee.outputs[name].textContent === "—"), true);
check("an empty calculator shows no warning", fee.outputs.warning.textContent, "");

function fillOffer(prefix, given) {
  fee.inputs[prefix + "rate"].value = given.rate;
  fee.inputs[prefix + "per_txn_fee"].value = given.per_txn_fee || "";
  fee.inputs[prefix + "annual_fee"].value = given.annual_fee || "";
  fee.inputs[prefix + "deposit"].value = given.deposit || "";
  fee.inputs[prefix + "deposit_refunded"].checked = Boolean(given.deposit_refunded);
}
function fill(given, b) {
  fee.inputs.amount.value = given.amount;
  fee.inputs.txn_count.value = given.txn_count ? String(given.txn_count) : "";
  fillOffer("", given);
  fillOffer("b_", b || { rate: "" });
  fee.fire("input");
}

for (const vector of vectors.fees) {
  fill(vector.input);
  const e = vector.expected, d = vector.description;
  check(d + " (monthly fee)", fee.outputs["monthly-fee"].textContent, e.monthly_fee);
  check(d + " (effective rate)", fee.outputs["effective-rate"].textContent, e.effective_rate === null ? "—" : e.effective_rate);
  check(d + " (yearly fee)", fee.outputs["yearly-fee"].textContent, e.yearly_fee);
  check(d + " (first-year fee)", fee.outputs["first-year-fee"].textContent, e.first_year_fee);
  check(d + " (rate question)", fee.outputs.warning.textContent.includes("是不是少写了小数点"), e.rate_looks_mistyped);
  check(d + " (no second offer, no comparison)", fee.outputs["first-year-difference"].textContent, "—");
}
for (const vector of vectors.invalid_fees) {
  fill(vector.input);
  check(vector.description + " (warning shown)", fee.outputs.warning.textContent !== "", true);
  check(vector.description + " (no result)", fee.outputs["first-year-fee"].textContent, "—");
}
for (const vector of vectors.comparisons) {
  const given = vector.input, e = vector.expected, d = vector.description;
  fill({ amount: given.amount, txn_count: given.txn_count, ...given.a }, given.b);
  check(d + " (first year)", fee.outputs["first-year-fee"].textContent, e.first_year_fee);
  check(d + " (second offer's first year)", fee.outputs["b-first-year-fee"].textContent, e.b_first_year_fee);
  check(d + " (second offer's year)", fee.outputs["b-yearly-fee"].textContent, e.b_yearly_fee);
  check(d + " (first-year difference)", fee.outputs["first-year-difference"].textContent, e.first_year_difference.replace("-", ""));
  check(d + " (yearly difference)", fee.outputs["yearly-difference"].textContent, e.yearly_difference.replace("-", ""));
  check(d + " (first-year verdict)", fee.outputs["first-year-verdict"].textContent, e.first_year_verdict);
  check(d + " (yearly verdict)", fee.outputs["yearly-verdict"].textContent, e.yearly_verdict);
}

for (const vector of vectors.merchant_numbers) {
  decoder.inputs.merchant_no.value = vector.input;
  decoder.fire("input");
  const e = vector.expected, d = vector.description;
  check(d + " (acquirer)", decoder.outputs.acquirer.textContent, e.acquirer);
  check(d + " (region)", decoder.outputs.region.textContent, e.region);
  check(d + " (mcc)", decoder.outputs.mcc.textContent, e.mcc);
  check(d + " (mcc name)", decoder.outputs["mcc-name"].textContent, e.mcc_name === null ? "举例表里没有这个代码" : e.mcc_name);
  check(d + " (sequence)", decoder.outputs.sequence.textContent, e.sequence);
  const advice = decoder.outputs.advice.textContent;
  check(d + " (advice names the category)", e.mcc_category === null ? advice.includes(`没有 ${e.mcc} 这个代码`) : advice.includes(`「${e.mcc_category}」`), true);
}
for (const vector of vectors.invalid_merchant_numbers) {
  decoder.inputs.merchant_no.value = vector.input;
  decoder.fire("input");
  check(vector.description + " (warning)", decoder.outputs.warning.textContent, "page_warning" in vector ? vector.page_warning : vector.warning);
  check(vector.description + " (no result)", decoder.outputs.mcc.textContent, "—");
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
