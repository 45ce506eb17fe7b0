// The comparison table: sortable by its column headings, and narrowed by the filter box as the
// reader types (any word of a row, or its country's name in the other language). Without
// JavaScript the whole table shows and the filter box stays hidden. Runs again after Material's
// instant page loads.
document$.subscribe(function () {
  document.querySelectorAll(".guide-compare table").forEach(function (table) {
    new Tablesort(table);
  });
  var box = document.getElementById("guide-compare-filter");
  if (!box) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll(".guide-compare tbody tr"));
  var shown = document.getElementById("guide-compare-shown");
  var words = rows.map(function (row) {
    return (row.textContent + " " + (row.getAttribute("data-also") || "")).toLowerCase();
  });
  function filter() {
    var terms = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var match = terms.every(function (term) { return words[i].indexOf(term) !== -1; });
      row.hidden = !match;
      if (match) count++;
    });
    shown.textContent = box.value
      ? box.getAttribute("data-shown").replace("{shown}", count).replace("{total}", rows.length)
      : "";
  }
  box.addEventListener("input", filter);
  box.parentElement.hidden = false;
  filter();
});
