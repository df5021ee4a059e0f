// The story card's Print button: shown only when this script runs, since it needs it.
// Without JavaScript the page says to use the browser's own Print command.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
