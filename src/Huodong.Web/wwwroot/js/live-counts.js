// E2.4: the participation overview keeps its counts current by polling the counts API (same-origin, cookie auth).
(function () {
  "use strict";
  var list = document.getElementById("live-counts");
  if (!list || !window.fetch) return;
  var url = list.getAttribute("data-counts-url");
  var interactionKinds = ["Commented", "Questioned", "Answered", "Liked", "Submitted"];

  function set(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== String(value)) el.textContent = String(value);
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (!c) return;
        var events = c.events || {};
        set("count-confirmed", c.confirmed);
        set("count-waitlisted", c.waitlisted);
        set("count-unanswered", c.unansweredQuestions);
        set("count-interactions", interactionKinds.reduce(function (sum, k) { return sum + (events[k] || 0); }, 0));
        document.querySelectorAll("#events-by-kind [data-kind]").forEach(function (cell) {
          var n = events[cell.getAttribute("data-kind")] || 0;
          if (cell.textContent !== String(n)) cell.textContent = String(n);
        });
      })
      .catch(function () { /* keep the last numbers; the next tick tries again */ });
  }

  setInterval(refresh, 15000);
})();
