// Survey results: one small bar chart per question with Apache ECharts (served from /lib/echarts). The figures come
// from the data-chart attribute; the table beside each chart carries the same numbers for screen readers and print.
(function () {
  "use strict";
  if (!window.echarts) return;
  var charts = [];
  document.querySelectorAll(".survey-chart[data-chart]").forEach(function (el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    var chart = window.echarts.init(el, null, { renderer: "canvas" });
    var category = { type: "category", data: data.labels, axisLabel: { interval: 0, width: 120, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1 };
    chart.setOption({
      animation: false,
      grid: { left: data.horizontal ? 130 : 40, right: 24, top: 16, bottom: 32 },
      tooltip: { trigger: "axis" },
      xAxis: data.horizontal ? value : category,
      yAxis: data.horizontal ? Object.assign({ inverse: true }, category) : value,
      series: [{ name: data.series, type: "bar", data: data.counts, itemStyle: { color: "#c8281e" }, label: { show: true, position: data.horizontal ? "right" : "top" } }]
    });
    el.setAttribute("data-rendered", "true");
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
