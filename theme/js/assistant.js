// The chat panel (#zw-chat): the launcher opens a dialog; a question is posted to
// @assistant (fetch, JSON) and the reply is added to the log (aria-live): its text,
// its sources as links, clarify options and follow-ups as buttons, a handover's
// department, phone and ask form. The context token is kept between turns. Esc or
// the close button closes the panel and gives the focus back to the launcher.
// Without JavaScript the launcher is a link to the full page (@@assistant).
(function () {
  "use strict";

  function init() {
    var box = document.getElementById("zw-chat");
    if (!box) return;
    var launcher = box.querySelector(".zw-chat-launcher");
    var panel = box.querySelector(".zw-chat-panel");
    var log = box.querySelector(".zw-chat-log");
    var form = box.querySelector(".zw-chat-form");
    var input = box.querySelector(".zw-chat-q");
    var token = null;
    var busy = false;

    launcher.setAttribute("role", "button");
    launcher.setAttribute("aria-expanded", "false");

    function message(name) {
      var node = box.querySelector('[data-message="' + name + '"]');
      return node ? node.textContent : "";
    }

    function element(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function sameSite(url) {
      try {
        return new URL(url, location.href).origin === location.origin;
      } catch (error) {
        return false;
      }
    }

    function link(url, text) {
      var a = element("a", "", text);
      if (url && sameSite(url)) a.href = url;
      return a;
    }

    function toggle(open) {
      panel.hidden = !open;
      box.classList.toggle("zw-chat-open", open);
      launcher.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) input.focus();
      else launcher.focus();
    }

    function buttons(item, labels, className) {
      (labels || []).forEach(function (label) {
        var button = element("button", className, label);
        button.type = "button";
        button.addEventListener("click", function () {
          ask(label);
        });
        item.appendChild(button);
      });
    }

    function show(reply) {
      var item = element("li", "zw-chat-turn zw-chat-reply");
      item.dataset.behaviour = reply.behaviour;
      (reply.answer || "").split("\n").forEach(function (line) {
        if (line) item.appendChild(element("p", "zw-chat-text", line));
      });
      if (reply.sources && reply.sources.length) {
        item.appendChild(element("p", "zw-chat-h", message("sources")));
        var list = element("ul", "zw-chat-sources");
        reply.sources.forEach(function (source) {
          var li = element("li");
          li.appendChild(link(source["@id"], source.title));
          list.appendChild(li);
        });
        item.appendChild(list);
      }
      var handover = reply.handover;
      if (handover) {
        var people = element("div", "zw-chat-handover");
        if (handover.department) {
          people.appendChild(element("p", "", message("department") + " " + handover.department));
        }
        if (handover.phone) {
          var phone = element("p", "", message("phone") + " ");
          var call = element("a", "", handover.phone);
          call.href = "tel:" + handover.phone.replace(/[^\d+-]/g, "");
          phone.appendChild(call);
          people.appendChild(phone);
        }
        var ask_ = element("p");
        ask_.appendChild(link(handover.ask_url, message("ask")));
        people.appendChild(ask_);
        if (handover.complaint_url) {
          var complaint = element("p");
          complaint.appendChild(link(handover.complaint_url, message("complaint")));
          people.appendChild(complaint);
        }
        item.appendChild(people);
      }
      buttons(item, reply.options, "zw-chat-option");
      buttons(item, reply.followups, "zw-chat-followup");
      log.appendChild(item);
      item.scrollIntoView({ block: "nearest" });
    }

    function ask(question) {
      question = (question || "").trim();
      if (!question || busy) return;
      busy = true;
      log.appendChild(element("li", "zw-chat-turn zw-chat-question", question));
      var waiting = element("li", "zw-chat-turn zw-chat-waiting", message("thinking"));
      log.appendChild(waiting);
      var body = { q: question };
      if (token) body.context = token;
      fetch(box.dataset.endpoint, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response.json().then(function (data) {
            if (!response.ok) throw new Error((data.error && data.error.message) || "");
            return data;
          });
        })
        .then(function (reply) {
          token = reply.context || token;
          show(reply);
        })
        .catch(function (error) {
          log.appendChild(element("li", "zw-chat-turn zw-chat-error", error.message || message("failed")));
        })
        .then(function () {
          waiting.remove();
          busy = false;
        });
    }

    launcher.addEventListener("click", function (event) {
      event.preventDefault();
      toggle(panel.hidden);
    });
    launcher.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        toggle(panel.hidden);
      }
    });
    box.querySelector(".zw-chat-close").addEventListener("click", function () {
      toggle(false);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) toggle(false);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = input.value;
      input.value = "";
      ask(question);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
