// Plan editor enhancements (the form works without them):
//  - "Add row" clones the list's <template> row with the next index;
//  - the budget total and the rewards-vs-budget check update as you type.
// No inline script anywhere: this file is loaded with defer, ready for a strict CSP.
(function () {
  "use strict";

  function nextIndex(container) {
    return container.querySelectorAll(":scope > fieldset.row").length;
  }

  document.querySelectorAll("[data-add-row]").forEach(function (button) {
    var list = button.getAttribute("data-add-row");
    var container = document.querySelector('[data-rows="' + list + '"]');
    var template = document.getElementById("tpl-" + list);
    if (!container || !template) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var i = nextIndex(container);
      var html = template.innerHTML.split("__i__").join(String(i)).split("__n__").join(String(i + 1));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.firstElementChild;
      container.appendChild(row);
      var first = row.querySelector("input, select, textarea");
      if (first) first.focus();
      recompute();
    });
  });

  var totalOut = document.getElementById("budget-total");
  var rewardsLineOut = document.getElementById("budget-rewards");
  var rewardsSumOut = document.getElementById("rewards-sum");
  var gap = document.getElementById("rewards-gap");

  function number(input) {
    var v = input ? parseFloat(input.value) : NaN;
    return isNaN(v) ? 0 : v;
  }

  function money(v) {
    return "¥" + v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  // Cents as integers, so 0.1 + 0.2 compares like the server's decimals.
  function cents(v) { return Math.round(v * 100); }

  function recompute() {
    if (!totalOut) return;
    var total = 0, rewardsLine = 0, rewardsSum = 0;
    document.querySelectorAll("[data-budget-row]").forEach(function (row) {
      var amount = cents(number(row.querySelector("[data-amount]")));
      total += amount;
      var category = row.querySelector("[data-category]");
      if (category && category.value === "Rewards") rewardsLine += amount;
    });
    document.querySelectorAll("[data-reward-row]").forEach(function (row) {
      var qty = row.querySelector("[data-qty]");
      if (!qty || qty.value === "") return;
      rewardsSum += Math.round(number(qty)) * cents(number(row.querySelector("[data-unit]")));
    });
    totalOut.textContent = money(total / 100);
    rewardsLineOut.textContent = money(rewardsLine / 100);
    rewardsSumOut.textContent = money(rewardsSum / 100);
    if (gap) gap.hidden = rewardsLine === rewardsSum;
  }

  var form = document.querySelector("form.editor");
  if (form) {
    form.addEventListener("input", recompute);
    form.addEventListener("change", recompute);
  }

  // After a refused save, move focus to the summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
