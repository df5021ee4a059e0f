// The combo builder's summary, kept up to date as the producer types: the form (without
// its picture) is posted to the preview address, which answers with the figures the
// server would show. Without JavaScript, the "Update the summary" button redraws the page.
(function () {
  "use strict";
  var form = document.getElementById("combo-builder");
  if (!form || !window.fetch || !window.FormData || !window.AbortController) {
    return;
  }
  var url = form.getAttribute("data-preview-url");
  var timer = null;
  var pending = null;

  function each(selector, fn) {
    Array.prototype.forEach.call(form.querySelectorAll(selector), fn);
  }

  function show(data) {
    Object.keys(data.text).forEach(function (key) {
      each('[data-summary-field="' + key + '"]', function (node) {
        node.textContent = data.text[key];
      });
    });
    data.lines.forEach(function (line) {
      each('tr[data-line="' + line.product_id + '"] [data-line-total]', function (node) {
        node.textContent = line.text;
      });
    });
    var list = form.querySelector("[data-summary-problems]");
    if (list) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      data.problems.forEach(function (problem) {
        var item = document.createElement("li");
        item.textContent = problem.text;
        list.appendChild(item);
      });
    }
    var ready = form.querySelector("[data-summary-ready]");
    var todo = form.querySelector("[data-summary-todo]");
    if (ready && todo) {
      ready.hidden = data.problems.length > 0;
      todo.hidden = data.problems.length === 0;
    }
  }

  function refresh() {
    var body = new FormData(form);
    body.delete("picture");
    body.delete("action");
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      signal: pending.signal,
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (data) {
          show(data);
        }
      })
      .catch(function () {
        // A superseded or failed request: the next edit (or Save) brings the page up to date.
      });
  }

  function soon(event) {
    var target = event.target;
    if (!target.name || target.type === "file" || target.name === "q") {
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 250);
  }

  form.addEventListener("input", soon);
  form.addEventListener("change", soon);

  // Enter in the product search searches, rather than pressing the form's first button.
  var search = form.querySelector('input[name="q"]');
  var searchButton = form.querySelector('button[name="action"][value="search"]');
  if (search && searchButton) {
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        searchButton.click();
      }
    });
  }

  // The summary now follows every edit: its manual button is no longer needed.
  each("[data-summary-refresh]", function (button) {
    button.hidden = true;
  });
})();
