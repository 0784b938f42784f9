// The home page's "Find your school" box: typing narrows the list of
// schools. Only published when site.yaml asks for it (scripts:
// school_filter: true); without it, or without JavaScript, the list is
// simply all there. No data leaves the page.
(function () {
  "use strict";
  var box = document.getElementById("school-filter");
  var input = document.getElementById("school-filter-input");
  var count = document.getElementById("school-filter-count");
  var list = document.querySelector(".school-list");
  if (!box || !input || !count || !list) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li"));
  box.hidden = false;
  function words(s) {
    return s.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  input.addEventListener("input", function () {
    var wanted = words(input.value.trim());
    var shown = 0;
    items.forEach(function (li) {
      var match = wanted === "" || words(li.textContent).indexOf(wanted) !== -1;
      li.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = (wanted === "" ? "" : count.getAttribute("data-words").replace("#", String(shown)));
  });
})();
