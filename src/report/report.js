(function () {
  var table = document.getElementById("alignment");
  var box = document.getElementById("only-flagged");
  if (box) {
    box.addEventListener("change", function () { table.classList.toggle("only-flagged", box.checked); });
  }
  // Keys n and p jump to the next and previous bead with findings or low confidence.
  var flagged = null;
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.tagName === "INPUT") { return; }
    if (["n", "p"].indexOf(e.key) === -1) { return; }
    if (flagged === null) { flagged = Array.prototype.slice.call(table.querySelectorAll(".bead.flagged")); }
    if (flagged.length === 0) { return; }
    // From the bead in the address (#b12) when it is one of them, else from the scroll position.
    var at = flagged.findIndex(function (r) { return "#" + r.id === location.hash; });
    var target;
    if (at !== -1) {
      target = flagged[(at + (e.key === "n" ? 1 : flagged.length - 1)) % flagged.length];
    } else {
      var y = window.scrollY + 40;
      var below = flagged.filter(function (r) { return r.offsetTop > y + 4; });
      var above = flagged.filter(function (r) { return y - 4 > r.offsetTop; });
      if (e.key === "n") {
        target = below.length ? below[0] : flagged[0];
      } else {
        target = above.length ? above[above.length - 1] : flagged[flagged.length - 1];
      }
    }
    location.hash = target.id;
  });
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
