/*
 * Zhengwu search suggestions: an ARIA 1.2 combobox on the search boxes.
 *
 * Attaches to Plone's header search box (#searchGadget), a homepage's hero search
 * box (#zw-hero-search-text) and to the search page form (#searchform), asks the site's @suggest endpoint as the visitor types
 * (Hanzi, pinyin or initials), and lists the titles found. Up/Down move through
 * the list, Enter opens the chosen page, Escape closes the list. Without
 * JavaScript the boxes stay plain search forms. No dependencies.
 */
(function () {
  "use strict";

  const DELAY = 150;
  const LIMIT = 8;
  const MAX_LENGTH = 50;
  let counter = 0;

  function suggestUrl(form) {
    // The form posts to <navigation root>/@@search; @suggest lives beside it.
    const action = form.getAttribute("action") || "@@search";
    const url = new URL(action, document.baseURI);
    url.pathname = url.pathname.replace(/\/(@@)?search$/, "") + "/@suggest";
    url.search = "";
    return url;
  }

  function attach(input) {
    const form = input.form;
    if (!form || input.dataset.zhengwuSuggest) {
      return;
    }
    input.dataset.zhengwuSuggest = "on";
    counter += 1;
    const listId = `zhengwu-suggest-${counter}`;
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "zhengwu-suggest-list";
    list.setAttribute("role", "listbox");
    const label = input.labels && input.labels[0];
    list.setAttribute(
      "aria-label",
      input.getAttribute("title") || (label && label.textContent.trim()) || input.name,
    );
    list.hidden = true;
    const anchor = input.parentElement;
    anchor.classList.add("zhengwu-suggest-anchor");
    anchor.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    const endpoint = suggestUrl(form);
    let items = [];
    let active = -1;
    let timer = null;
    let pending = null;
    let lastQuery = "";

    function close() {
      list.hidden = true;
      list.replaceChildren();
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((option, position) => {
        option.setAttribute("aria-selected", String(position === index));
        option.classList.toggle("active", position === index);
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open(index) {
      const item = items[index];
      if (item) {
        window.location.assign(item["@id"]);
      }
    }

    function render(found) {
      items = found;
      list.replaceChildren();
      found.forEach((item, index) => {
        const option = document.createElement("li");
        option.id = `${listId}-${index}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "zhengwu-suggest-option";
        const title = document.createElement("span");
        title.className = "zhengwu-suggest-title";
        title.textContent = item.title;
        option.appendChild(title);
        const meta = [item.type_title, item.service_code].filter(Boolean);
        if (meta.length) {
          const small = document.createElement("small");
          small.className = "zhengwu-suggest-meta";
          small.textContent = meta.join(" · ");
          option.appendChild(small);
        }
        // mousedown, not click: the input's blur would close the list first
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          open(index);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", String(found.length > 0));
    }

    async function fetchSuggestions(query) {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      const url = new URL(endpoint);
      url.searchParams.set("q", query);
      url.searchParams.set("limit", String(LIMIT));
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: pending.signal,
        });
        if (!response.ok) {
          close();
          return;
        }
        const data = await response.json();
        if (input.value.trim() === query) {
          render(data.items || []);
        }
      } catch (error) {
        if (error.name !== "AbortError") {
          close();
        }
      }
    }

    input.addEventListener("input", () => {
      const query = input.value.trim().slice(0, MAX_LENGTH);
      window.clearTimeout(timer);
      if (!query) {
        lastQuery = "";
        close();
        return;
      }
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      timer = window.setTimeout(() => fetchSuggestions(query), DELAY);
    });

    input.addEventListener("keydown", (event) => {
      if (event.isComposing) {
        return; // an input method is still composing Hanzi
      }
      const count = items.length;
      if (event.key === "ArrowDown" && count) {
        event.preventDefault();
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        highlight(active + 1 < count ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && count) {
        event.preventDefault();
        highlight(active > 0 ? active - 1 : count - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        open(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", () => {
      window.setTimeout(close, 100);
    });
  }

  function start() {
    document
      .querySelectorAll(
        "#searchGadget, #zw-hero-search-text, #searchform input[name=SearchableText]",
      )
      .forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
