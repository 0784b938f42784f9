// Says on a printed page the day it was printed ("Printed from <address>
// on 27 November 2026"): only when site.yaml asks for it (scripts:
// print_date: true). A static page cannot know that day without a script.
(function () {
  "use strict";
  var slot = document.getElementById("printed-on");
  if (!slot) return;
  function fill() {
    var day = new Date().toLocaleDateString(document.documentElement.lang || undefined,
                                            { day: "numeric", month: "long", year: "numeric" });
    slot.textContent = slot.getAttribute("data-words").replace("#", day);
  }
  window.addEventListener("beforeprint", fill);
  fill();
})();
