// Runs templates/assets/tools.js against Tests/vectors/tools.json with a minimal
// stand-in for the page's forms, so the JavaScript and the Swift library are held
// to the same vectors. Prints "N passed, M failed" and exits 1 on any failure.
// Real-browser tests (Playwright) exercise the same pages end to end.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = path.join(__dirname, "..", "..");
const script = fs.readFileSync(path.join(root, "templates/assets/tools.js"), "utf8");
const vectors = JSON.parse(fs.readFileSync(path.join(root, "Tests/vectors/tools.json"), "utf8"));

function fakeForm(names, results) {
  const elements = {};
  names.forEach((name) => { elements[name] = { value: "" }; });
  const outputs = {};
  results.forEach((name) => { outputs[name] = { textContent: "" }; });
  const listeners = {};
  return {
    elements,
    outputs,
    querySelector(selector) {
      const match = /data-result="([a-z-]+)"/.exec(selector);
      return match ? outputs[match[1]] : null;
    },
    addEventListener(type, handler) { listeners[type] = handler; },
    fire(type) { listeners[type]({ preventDefault() {} }); },
  };
}

function load(mccNames) {
  const fee = fakeForm(["amount", "rate", "per_txn_fee", "txn_count", "annual_fee"], ["monthly-fee", "effective-rate", "warning"]);
  const decoder = fakeForm(["merchant_no"], ["acquirer", "region", "mcc", "mcc-name", "sequence", "warning"]);
  const document = {
    querySelectorAll(selector) {
      if (selector.includes("fee-calculator")) return [fee];
      if (selector.includes("merchant-number")) return [decoder];
      return [];
    },
    getElementById(id) { return id === "posguide-mcc" ? { textContent: JSON.stringify(mccNames) } : null; },
  };
  vm.runInNewContext(script, { document, Array, BigInt, JSON, String });
  return { fee, decoder };
}

// MCC names as the site builds them: from content/data/mcc.yaml (simple `"code": name` lines).
const mccNames = {};
for (const line of fs.readFileSync(path.join(root, "content/data/mcc.yaml"), "utf8").split("\n")) {
  const match = /^\s+"(\d{4})":\s*(.+)$/.exec(line);
  if (match) mccNames[match[1]] = match[2].trim();
}

const { fee, decoder } = load(mccNames);
let passed = 0, failed = 0;
function check(description, actual, expected) {
  if (actual === expected) { passed += 1; return; }
  failed += 1;
  console.log(`FAIL ${description}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

for (const vector of vectors.fees) {
  const input = vector.input;
  fee.elements.amount.value = input.amount;
  fee.elements.rate.value = input.rate;
  fee.elements.per_txn_fee.value = input.per_txn_fee || "0";
  fee.elements.txn_count.value = String(input.txn_count || 0);
  fee.elements.annual_fee.value = input.annual_fee || "0";
  fee.fire("input");
  check(vector.description + " (monthly fee)", fee.outputs["monthly-fee"].textContent, vector.expected.monthly_fee);
  check(vector.description + " (effective rate)", fee.outputs["effective-rate"].textContent, vector.expected.effective_rate === null ? "—" : vector.expected.effective_rate);
}
for (const vector of vectors.invalid_fees) {
  fee.elements.amount.value = vector.input.amount;
  fee.elements.rate.value = vector.input.rate;
  fee.elements.per_txn_fee.value = "0";
  fee.elements.txn_count.value = "0";
  fee.elements.annual_fee.value = "0";
  fee.fire("input");
  check(vector.description + " (warning shown)", fee.outputs.warning.textContent !== "", true);
}
for (const vector of vectors.merchant_numbers) {
  decoder.elements.merchant_no.value = vector.input;
  decoder.fire("input");
  const e = vector.expected;
  check(vector.description + " (acquirer)", decoder.outputs.acquirer.textContent, e.acquirer);
  check(vector.description + " (region)", decoder.outputs.region.textContent, e.region);
  check(vector.description + " (mcc)", decoder.outputs.mcc.textContent, e.mcc);
  check(vector.description + " (mcc name)", decoder.outputs["mcc-name"].textContent, e.mcc_name === null ? "举例表里没有这个代码" : e.mcc_name);
  check(vector.description + " (sequence)", decoder.outputs.sequence.textContent, e.sequence);
}
for (const vector of vectors.invalid_merchant_numbers) {
  decoder.elements.merchant_no.value = vector.input;
  decoder.fire("input");
  check(vector.description + " (warning)", decoder.outputs.warning.textContent, vector.warning);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
