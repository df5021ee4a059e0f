// The producer application's ward list follows its province. On a change, the script asks
// the same page for that province (?province=) and takes the ward options from it, so
// nothing typed is lost. Without JavaScript, the "Show its wards" button sends the form.
(function () {
  "use strict";
  var province = document.getElementById("province");
  var ward = document.getElementById("ward");
  var button = document.getElementById("choose_province");
  if (!province || !ward || !button || !window.fetch || !window.DOMParser) {
    return;
  }
  // Without the button, Enter in any field sends the application, not the province step.
  button.remove();
  province.addEventListener("change", function () {
    var url = new URL(province.form.action, window.location.href);
    url.search = "";
    url.searchParams.set("province", province.value);
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("ward");
        if (fresh) {
          ward.replaceChildren.apply(ward, Array.prototype.slice.call(fresh.options));
          ward.selectedIndex = 0; // "Choose a ward": moved options may carry a selection
        }
      })
      .catch(function () {
        window.location.assign(url.toString()); // the server shows the wards instead
      });
  });
})();
