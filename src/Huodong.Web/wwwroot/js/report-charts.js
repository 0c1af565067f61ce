// Shared by the evaluation report and the community overview (V2.1): ECharts on canvas with animation off, so a
// chart is complete the moment it is drawn and prints as drawn; before printing every chart is resized to the
// printed width of its box (A4 portrait), and back afterwards. Each drawn chart box gets data-rendered="true".
(function () {
  "use strict";
  var charts = [];
  var palette = ["#0b57a4", "#c8281e", "#1b6e2e", "#7a4b00", "#6a3d9a", "#00707a", "#52606d"];

  function chart(el, option) {
    if (!el || !window.echarts) return null;
    var c = window.echarts.init(el, null, { renderer: "canvas", devicePixelRatio: Math.max(2, window.devicePixelRatio || 1) });
    option.animation = false;
    option.color = option.color || palette;
    option.textStyle = { fontFamily: getComputedStyle(document.body).fontFamily };
    c.setOption(option);
    el.setAttribute("data-rendered", "true");
    charts.push(c);
    return c;
  }

  function resizeAll() { charts.forEach(function (c) { c.resize(); }); }

  window.addEventListener("resize", resizeAll);
  window.addEventListener("beforeprint", resizeAll);
  window.addEventListener("afterprint", resizeAll);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) print.addEventListener("change", resizeAll);
  }

  function readData(id) {
    var block = document.getElementById(id);
    return block ? JSON.parse(block.textContent || "{}") : null;
  }

  function printButton(id) {
    var button = document.getElementById(id);
    if (button) button.addEventListener("click", function () { resizeAll(); window.print(); });
  }

  window.HuodongCharts = { chart: chart, readData: readData, printButton: printButton, palette: palette };
})();
