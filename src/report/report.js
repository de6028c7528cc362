(function () {
  var table = document.getElementById("alignment");
  var box = document.getElementById("only-flagged");
  if (box) {
    box.addEventListener("change", function () { table.classList.toggle("only-flagged", box.checked); });
  }
  window.addEventListener("load", function () {
    var root = document.documentElement;
    root.setAttribute("data-load-ms", performance.now().toFixed(1));
    root.setAttribute("data-scroll-width", String(root.scrollWidth));
    root.setAttribute("data-client-width", String(root.clientWidth));
    root.setAttribute("data-rows", String(table.tBodies[0].rows.length));
  });
})();
