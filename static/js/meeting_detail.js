// Meeting page: the print button, and a confirmation before certifying, publishing or reopening minutes.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-action=print]")) {
      window.print();
    }
  });
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
