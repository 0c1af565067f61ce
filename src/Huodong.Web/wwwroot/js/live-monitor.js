// E2.2 live monitoring: draws the events-per-minute chart with Apache ECharts (served from /lib/echarts) and polls
// the monitor API every 15 seconds (same origin, cookie auth) to redraw the chart, alerts, questions and incidents.
(function () {
  "use strict";
  var root = document.getElementById("live-monitor");
  var chartEl = document.getElementById("monitor-chart");
  if (!root || !chartEl || !window.fetch || !window.echarts) return;
  var url = root.getAttribute("data-monitor-url");
  var labels = JSON.parse(root.getAttribute("data-labels") || "{}");
  var none = root.getAttribute("data-label-none");
  var chart = window.echarts.init(chartEl, null, { renderer: "canvas" });
  var seriesNames = [
    ["registrations", root.getAttribute("data-label-registrations")],
    ["submissions", root.getAttribute("data-label-submissions")],
    ["comments", root.getAttribute("data-label-comments")],
    ["questions", root.getAttribute("data-label-questions")],
    ["errors", root.getAttribute("data-label-errors")]
  ];

  function age(minutes) { return root.getAttribute("data-label-age").replace("{0}", String(minutes)); }

  function item(parts, className) {
    var li = document.createElement("li");
    if (className) li.className = className;
    parts.forEach(function (p) { li.appendChild(p); });
    return li;
  }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function fill(listId, nodes) {
    var list = document.getElementById(listId);
    if (!list) return;
    list.replaceChildren.apply(list, nodes.length ? nodes : [el("li", none, listId === "monitor-alerts" ? "live-alert live-alert--none" : "muted")]);
  }

  function draw(m) {
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: m.minutes, boundaryGap: false },
      yAxis: { type: "value", minInterval: 1 },
      series: seriesNames.map(function (s) {
        var line = { name: s[1], type: "line", showSymbol: false, data: m.series[s[0]] };
        if (s[0] === "errors") { line.color = "#b3261e"; line.lineStyle = { type: "dashed" }; }
        return line;
      })
    });
  }

  function update(m) {
    draw(m);
    fill("monitor-alerts", m.alerts.map(function (a) {
      var li = el("li", a.text, "live-alert live-alert--" + a.level);
      li.setAttribute("data-code", a.code);
      return li;
    }));
    fill("monitor-questions", m.unanswered.map(function (q) {
      return item([el("span", age(q.ageMinutes), "tag"), document.createTextNode(" "), el("strong", q.author),
        document.createTextNode(": " + q.body)], q.ageMinutes >= 15 ? "live-list__late" : "");
    }));
    fill("monitor-incidents", m.incidents.map(function (i) {
      var meta = [labels[i.kind] || i.kind, labels[i.status] || i.status, i.assignee || root.getAttribute("data-label-unassigned")];
      return item([el("span", labels[i.severity] || i.severity, "tag severity severity--" + i.severity.toLowerCase()),
        document.createTextNode(" "), el("strong", i.title), document.createTextNode(" "), el("span", meta.join(" · "), "muted small")]);
    }));
    document.getElementById("unanswered-count").textContent = String(m.unanswered.length);
    document.getElementById("incidents-count").textContent = String(m.openIncidents);
    var queue = document.getElementById("moderation-queue");
    if (queue) queue.textContent = root.getAttribute("data-label-queue").replace("{0}", String(m.moderationQueue));
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (m) { if (m) update(m); })
      .catch(function () { /* keep the last reading; the next tick tries again */ });
  }

  window.addEventListener("resize", function () { chart.resize(); });
  refresh();
  setInterval(refresh, 15000);
})();
