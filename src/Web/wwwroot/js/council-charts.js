// Draws a bar chart above each table that has one: the numbers come from the table itself, so
// the chart can never say something else than the table beside it. The table is the accessible
// version; the chart is hidden from screen readers.
(function () {
  "use strict";
  if (!window.Chart) {
    return;
  }
  document.querySelectorAll("canvas[data-chart-for]").forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute("data-chart-for"));
    if (!table) {
      return;
    }
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: rows.map(function (row) { return row.querySelector("th").textContent.trim(); }),
        datasets: [{
          label: table.querySelector("thead th:last-child").textContent.trim(),
          data: rows.map(function (row) { return Number(row.querySelector("td[data-value]").getAttribute("data-value")); }),
          backgroundColor: "#b30d27"
        }]
      },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
})();
