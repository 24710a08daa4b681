/*
 * 政务知道, the ask form: while the visitor types the title of a question, list
 * the published questions and guides like it, so they may find the answer
 * before asking. The list is in a polite live region (#zw-ask-similar) that
 * screen readers announce; it asks the board's @similar-questions endpoint a
 * moment after the typing stops. Without JavaScript the form works the same.
 */
(function () {
  "use strict";

  const DELAY = 350;
  const MIN_LENGTH = 2;

  function attach(region) {
    const input = document.getElementById("zw-ask-title");
    if (!input || region.dataset.zwAttached) {
      return;
    }
    region.dataset.zwAttached = "on";
    const title = region.querySelector(".zw-ask-similar-title");
    const list = region.querySelector(".zw-ask-similar-list");
    const labels = {
      Question: region.dataset.labelQuestion || "Question",
      Guide: region.dataset.labelGuide || "Guide",
    };
    let timer = null;
    let pending = null;
    let lastQuery = "";

    function show(items) {
      list.replaceChildren();
      for (const item of items) {
        const entry = document.createElement("li");
        entry.className = "zw-ask-similar-item";
        const kind = document.createElement("span");
        kind.className = `zw-ask-similar-kind zw-ask-similar-${item["@type"] === "Guide" ? "guide" : "question"}`;
        kind.textContent = labels[item["@type"]] || item["@type"];
        const link = document.createElement("a");
        link.href = item["@id"];
        link.textContent = item.title; // text, never HTML
        entry.append(kind, " ", link);
        list.appendChild(entry);
      }
      title.hidden = items.length === 0;
      region.classList.toggle("has-items", items.length > 0);
    }

    async function lookUp(query) {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      const url = new URL(region.dataset.endpoint, document.baseURI);
      url.searchParams.set("q", query);
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: pending.signal,
        });
        if (!response.ok) {
          return;
        }
        const data = await response.json();
        if (input.value.trim() === query) {
          show(Array.isArray(data.items) ? data.items : []);
        }
      } catch (error) {
        if (error.name !== "AbortError") {
          show([]);
        }
      }
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      const query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (query.length < MIN_LENGTH) {
        show([]);
        return;
      }
      timer = window.setTimeout(() => lookUp(query), DELAY);
    });
  }

  function start() {
    const region = document.getElementById("zw-ask-similar");
    if (region) {
      attach(region);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
