// The header scene: the server chose the period by Asia/Shanghai time; the
// visitor's own clock refines it (same hours: morning 05-10, noon 11-16, evening
// 17-04). Only data-period and the background change: the box has a fixed height.
(function () {
  "use strict";

  function periodAt(hour) {
    if (hour >= 5 && hour < 11) return "morning";
    if (hour >= 11 && hour < 17) return "noon";
    return "evening";
  }

  function refine() {
    var scene = document.getElementById("zw-scene");
    if (!scene) return;
    var period = periodAt(new Date().getHours());
    if (scene.dataset.period === period) return;
    var url = scene.getAttribute("data-scene-" + period);
    if (!url) return;
    scene.dataset.period = period;
    scene.style.backgroundImage = 'url("' + url.replace(/"/g, "%22") + '")';
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", refine);
  } else {
    refine();
  }
})();
