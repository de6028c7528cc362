(function () {
  var table = document.getElementById("alignment");
  var box = document.getElementById("only-flagged");
  if (box) {
    box.addEventListener("change", function () { table.classList.toggle("only-flagged", box.checked); });
  }
  window.addEventListener("load", function () {
    var root = document.documentElement;
    var width = root.scrollWidth; // forces layout, so the time below includes it
    root.setAttribute("data-load-ms", performance.now().toFixed(1));
    root.setAttribute("data-scroll-width", String(width));
    root.setAttribute("data-client-width", String(root.clientWidth));
    var rows = table.querySelectorAll(".bead");
    root.setAttribute("data-rows", String(rows.length));
    // Cells whose text is wider than the cell (it would be cut off), first 200 rows.
    var clipped = 0;
    for (var r = 0; r !== Math.min(rows.length, 200); r++) {
      var cells = rows[r].children;
      for (var c = 0; c !== cells.length; c++) {
        if (cells[c].scrollWidth > cells[c].clientWidth) { clipped++; }
      }
    }
    root.setAttribute("data-clipped-cells", String(clipped));
  });
})();
