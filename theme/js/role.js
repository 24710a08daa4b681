// The role switcher (#zw-role-switcher): the role a visitor picks is remembered in
// the cookie zhengwu_role for a year; the classic homepage reads it on the server.
(function () {
  "use strict";

  var ROLES = ["classic", "resident", "enterprise", "tourist"];

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#zw-role-switcher a[data-role]");
    if (!link || ROLES.indexOf(link.dataset.role) === -1) return;
    document.cookie =
      "zhengwu_role=" + link.dataset.role + "; path=/; max-age=31536000; SameSite=Lax";
  });
})();
