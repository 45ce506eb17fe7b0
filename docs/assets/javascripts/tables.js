// Make the comparison table sortable, also after Material's instant page loads.
document$.subscribe(function () {
  document.querySelectorAll(".guide-compare table").forEach(function (table) {
    new Tablesort(table);
  });
});
