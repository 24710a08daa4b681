/* @@check-in: scan the citizen's QR code (it encodes just the booking reference)
   with the phone's camera, where the browser offers BarcodeDetector; the typed
   form works without this script. */
(function () {
  "use strict";
  var form = document.querySelector(".check-in-lookup");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  var button = form.querySelector(".check-in-scan");
  var video = form.querySelector(".check-in-camera");
  var status = form.querySelector(".check-in-scan-status");
  var input = form.querySelector("input[name=ref]");
  var stream = null;

  function stop() {
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.hidden = true;
  }

  function scan(detector) {
    if (!stream) { return; }
    detector.detect(video).then(function (codes) {
      var text = codes.length ? String(codes[0].rawValue || "").trim() : "";
      if (text) {
        stop();
        input.value = text.slice(0, 40);
        form.submit();
        return;
      }
      window.requestAnimationFrame(function () { scan(detector); });
    }).catch(function () {
      window.setTimeout(function () { scan(detector); }, 250);
    });
  }

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf("qr_code") < 0) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (stream) { stop(); return; }
      navigator.mediaDevices.getUserMedia({
        video: { facingMode: "environment" }, audio: false
      }).then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        status.textContent = "";
        return video.play();
      }).then(function () {
        scan(new window.BarcodeDetector({ formats: ["qr_code"] }));
      }).catch(function () {
        stop();
        status.textContent = button.getAttribute("data-no-camera") || "";
      });
    });
  }).catch(function () {});
})();
