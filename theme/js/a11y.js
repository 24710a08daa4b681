// The accessibility modes (large text, high contrast, reading guide): buttons of
// #zw-a11y-toolbar toggle a class on <html>, say so with aria-pressed and are
// remembered in localStorage["zhengwu-a11y"] (restored by index.html's inline
// script before the first paint), and the reading guide follows pointer and focus.
(function () {
  "use strict";

  var STORAGE_KEY = "zhengwu-a11y";
  var MODES = ["large-text", "high-contrast", "reading-guide"];
  var root = document.documentElement;

  function activeModes() {
    return MODES.filter(function (mode) {
      return root.classList.contains("zw-" + mode);
    });
  }

  function remember() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(activeModes()));
    } catch (error) {
      // No storage (private browsing): the mode lasts for this page only.
    }
  }

  function syncButtons(toolbar) {
    toolbar.querySelectorAll("button[data-a11y]").forEach(function (button) {
      var on = root.classList.contains("zw-" + button.dataset.a11y);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function readingGuide() {
    var band = document.createElement("div");
    band.className = "zw-reading-guide-band";
    band.setAttribute("aria-hidden", "true");
    document.body.appendChild(band);
    function moveTo(y) {
      band.style.setProperty("--zw-guide-y", Math.round(y - band.offsetHeight / 2) + "px");
    }
    document.addEventListener("pointermove", function (event) {
      if (root.classList.contains("zw-reading-guide")) moveTo(event.clientY);
    }, { passive: true });
    document.addEventListener("focusin", function (event) {
      if (!root.classList.contains("zw-reading-guide")) return;
      var box = event.target.getBoundingClientRect();
      moveTo(box.top + box.height / 2);
    });
  }

  function init() {
    readingGuide();
    var toolbar = document.getElementById("zw-a11y-toolbar");
    if (!toolbar) return;
    syncButtons(toolbar);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-a11y]");
      if (!button || MODES.indexOf(button.dataset.a11y) === -1) return;
      root.classList.toggle("zw-" + button.dataset.a11y);
      syncButtons(toolbar);
      remember();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
