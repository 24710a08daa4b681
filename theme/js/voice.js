// The voice button (#zw-voice): opens the command box; "Speak" (where the browser
// has speech recognition) fills it with what was heard, to correct; "Go" asks the
// server (@voice-command) what the command opens and goes there. Speech is only
// listened to after the visitor presses Speak; where the browser can recognise on
// the device, it is asked to.
(function () {
  "use strict";

  function init() {
    var box = document.getElementById("zw-voice");
    if (!box) return;
    var button = box.querySelector(".zw-voice-button");
    var panel = box.querySelector(".zw-voice-panel");
    var form = box.querySelector(".zw-voice-form");
    var input = box.querySelector(".zw-voice-text");
    var listen = box.querySelector(".zw-voice-listen");
    var status = box.querySelector(".zw-voice-status");
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;

    function message(name) {
      var node = box.querySelector('[data-message="' + name + '"]');
      return node ? node.textContent : "";
    }

    function say(name) {
      status.textContent = message(name);
    }

    function toggle(open) {
      panel.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) input.focus();
      else button.focus();
    }

    button.addEventListener("click", function () {
      toggle(panel.hidden);
    });

    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) toggle(false);
    });

    if (Recognition) {
      listen.hidden = false;
      box.querySelector(".zw-voice-privacy").hidden = false;
      listen.addEventListener("click", function () {
        var recognition = new Recognition();
        recognition.lang = box.dataset.lang;
        recognition.interimResults = true;
        recognition.maxAlternatives = 1;
        if ("processLocally" in recognition) recognition.processLocally = true;
        var heard = "";
        recognition.onresult = function (event) {
          heard = Array.prototype.map
            .call(event.results, function (result) {
              return result[0].transcript;
            })
            .join("");
          input.value = heard;
        };
        recognition.onerror = function () {
          say("not-heard");
        };
        recognition.onend = function () {
          listen.disabled = false;
          say(heard ? "heard" : "not-heard");
          input.focus();
        };
        listen.disabled = true;
        say("listening");
        recognition.start();
      });
    }

    form.addEventListener("submit", function (event) {
      var text = input.value.trim();
      if (!text || !window.fetch) return; // the form goes to @@voice-go
      event.preventDefault();
      say("opening");
      fetch(box.dataset.endpoint + "?text=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (answer) {
          window.location.assign(answer.url);
        })
        .catch(function () {
          say("failed");
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
