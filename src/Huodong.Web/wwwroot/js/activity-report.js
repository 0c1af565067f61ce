// The evaluation report's charts (Evaluation/Reports/Pages/Report.cshtml): data from the JSON block #report-data.
(function () {
  "use strict";
  var H = window.HuodongCharts;
  if (!H) return;
  var data = H.readData("report-data");
  if (!data) return;
  H.printButton("print-report");
  var grid = { left: 48, right: 16, top: 32, bottom: 40, containLabel: true };

  function bars(id, labels, values, horizontal) {
    var category = { type: "category", data: labels, axisLabel: { interval: 0 } };
    var value = { type: "value", minInterval: 1 };
    H.chart(document.getElementById(id), {
      grid: grid, tooltip: { trigger: "axis" },
      xAxis: horizontal ? value : category, yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: "bar", data: values, label: { show: true, position: horizontal ? "right" : "top" } }]
    });
  }

  bars("chart-funnel", data.funnel.labels, data.funnel.values, true);
  bars("chart-interactions", data.interactions.labels, data.interactions.values, false);

  if (data.satisfaction) {
    var s = data.satisfaction;
    H.chart(document.getElementById("chart-satisfaction"), {
      grid: grid, tooltip: {},
      xAxis: { type: "value", min: -100, max: 100 },
      yAxis: { type: "category", data: [s.csatLabel + " (%)", s.npsLabel], inverse: true },
      series: [{ type: "bar", data: [s.csat, s.nps], label: { show: true, position: "right" } }]
    });
  }

  H.chart(document.getElementById("chart-timeline"), {
    grid: { left: 48, right: 16, top: 56, bottom: 40, containLabel: true }, tooltip: { trigger: "axis" }, legend: { top: 0 },
    xAxis: { type: "category", data: data.timeline.days },
    yAxis: { type: "value", minInterval: 1 },
    series: data.timeline.series.map(function (s) { return { name: s.name, type: "line", showSymbol: false, data: s.values }; })
  });

  H.chart(document.getElementById("chart-cost"), {
    grid: { left: 48, right: 16, top: 40, bottom: 40, containLabel: true }, tooltip: { trigger: "axis" }, legend: { top: 0 },
    xAxis: { type: "category", data: data.cost.categories, axisLabel: { interval: 0 } },
    yAxis: { type: "value" },
    series: [
      { name: data.cost.budgetLabel, type: "bar", data: data.cost.budget, itemStyle: { color: "#9fb3c8" } },
      { name: data.cost.actualLabel, type: "bar", data: data.cost.actual, itemStyle: { color: "#0b57a4" } }
    ]
  });

  function scaled(format, v) {
    if (v === null || v === undefined) return null;
    return format === "Percent" ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100;
  }

  data.trend.forEach(function (t) {
    var el = document.getElementById("chart-trend-" + t.key);
    if (!el) return;
    H.chart(el, {
      grid: { left: 40, right: 12, top: 16, bottom: 24, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: t.points.map(function (p) { return p.current ? data.thisActivity : p.day; }),
        axisLabel: { fontSize: 10, rotate: 30 } },
      yAxis: { type: "value", name: t.format === "Percent" ? "%" : "" },
      series: [{
        type: "bar", name: t.label,
        data: t.points.map(function (p) {
          // This activity: brand red with a hatched border, so it is told apart without colour too.
          return p.current
            ? { value: scaled(t.format, p.value), itemStyle: { color: "#c8281e", borderColor: "#1f2933", borderWidth: 2, borderType: "dashed" } }
            : { value: scaled(t.format, p.value), itemStyle: { color: "#9fb3c8" } };
        }),
        label: { show: true, position: "top", fontSize: 10 }
      }]
    });
  });
})();
