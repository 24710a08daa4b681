// The global navigation on phones: the menu button opens and closes the list
// (aria-expanded); Escape closes it and gives the focus back to the button.
(function () {
  "use strict";

  function init() {
    var nav = document.getElementById("zw-nav");
    var toggle = nav && nav.querySelector(".zw-nav-toggle");
    var list = document.getElementById("portal-globalnav");
    if (!toggle) return;
    if (!list || !list.children.length) {
      toggle.hidden = true;
      return;
    }
    function setOpen(open) {
      nav.classList.toggle("zw-nav-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
