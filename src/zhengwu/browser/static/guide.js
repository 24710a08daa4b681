/*
 * Service guide page: the copy-link button and the print button. Both buttons
 * are hidden until this script shows them; without it the link stays in a
 * read-only field to copy by hand and the browser's own print works.
 * No dependencies, nothing loaded from elsewhere.
 */
(function () {
  "use strict";

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    // Plain http: select the field and use the older copy command.
    field.focus();
    field.select();
    const done = document.execCommand && document.execCommand("copy");
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function start() {
    document.querySelectorAll(".guide-copy-link").forEach((button) => {
      const field = document.getElementById(button.dataset.target);
      const status = button.parentElement.querySelector(".guide-copy-status");
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", () => {
        copyText(field).then(
          () => {
            if (status) {
              status.textContent = button.dataset.copied;
            }
          },
          () => {
            field.focus();
            field.select();
          },
        );
      });
    });
    document.querySelectorAll(".guide-print-button").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
