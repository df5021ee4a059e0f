// On small screens the catalogue's filter panel starts folded so the products stay in view.
// The page sends it open, so without JavaScript filtering still works everywhere.
(function () {
  "use strict";
  var panel = document.querySelector("details.filters-panel");
  if (panel && window.matchMedia("(max-width: 899.98px)").matches) {
    panel.open = false;
  }
})();
