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
    root.setAttribute("data-rows", String(table.querySelectorAll(".bead").length));
  });
})();
