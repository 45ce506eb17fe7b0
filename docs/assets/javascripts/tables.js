// The generated tables: the comparison sorts by its column headings, and every table with a
// filter box above it is narrowed as the reader types (each word must appear in the row, or in
// the row's other-language names). Without JavaScript the tables show whole and the filter boxes
// stay hidden. Runs again after Material's instant page loads.
document$.subscribe(function () {
  document.querySelectorAll(".guide-compare table").forEach(function (table) {
    new Tablesort(table);
  });
  document.querySelectorAll(".guide-filter").forEach(function (filterBox) {
    var box = filterBox.querySelector("input");
    var shown = filterBox.querySelector("[role=status]");
    var rows = Array.prototype.slice.call(filterBox.nextElementSibling.querySelectorAll("tbody tr"));
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
    filterBox.hidden = false;
    filter();
  });
});
