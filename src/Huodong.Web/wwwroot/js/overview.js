// The community overview's trend charts (Evaluation/Reports/Pages/Overview.cshtml): data from #overview-data.
(function () {
  "use strict";
  var H = window.HuodongCharts;
  if (!H) return;
  var d = H.readData("overview-data");
  if (!d) return;
  H.printButton("print-overview");
  var grid = { left: 48, right: 48, top: 48, bottom: 40, containLabel: true };
  var x = { type: "category", data: d.months, axisLabel: { fontSize: 10 } };

  H.chart(document.getElementById("chart-participation"), {
    grid: grid, tooltip: { trigger: "axis" }, legend: { top: 0 }, xAxis: x,
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, max: 100, name: "%" }],
    series: [
      { name: d.labels.participants, type: "bar", data: d.participants },
      { name: d.labels.rate, type: "line", yAxisIndex: 1, data: d.rate, connectNulls: true, symbol: "circle", lineStyle: { type: "dashed" } }
    ]
  });
  H.chart(document.getElementById("chart-satisfaction"), {
    grid: grid, tooltip: { trigger: "axis" }, legend: { top: 0 }, xAxis: x,
    yAxis: { type: "value", min: -100, max: 100 },
    series: [
      { name: d.labels.csat, type: "line", data: d.csat, connectNulls: true, symbol: "circle" },
      { name: d.labels.nps, type: "line", data: d.nps, connectNulls: true, symbol: "triangle", lineStyle: { type: "dashed" } }
    ]
  });
  H.chart(document.getElementById("chart-spend"), {
    grid: grid, tooltip: { trigger: "axis" }, legend: { top: 0 }, xAxis: x, yAxis: { type: "value" },
    series: [{ name: d.labels.spend, type: "bar", data: d.spend, itemStyle: { color: "#00707a" } }]
  });
})();
