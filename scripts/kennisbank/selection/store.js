/**
 * "Mijn selectie" on every page: the toggle "Bewaar in mijn selectie" on a practice page and on each
 * result of the finder, and the count in the header. The selection lives in this browser's
 * localStorage for this site only: no cookie, no request, no account (docs/privacy.md).
 *
 * A practice page carries its button (pages/selection.py, hidden until this script runs); the finder's
 * results get theirs here, as the finder adds them to its list. Titles are text from outside: they are
 * only ever set with textContent.
 */

import { STORAGE_KEY, countText, emptySelection, readStored, serialise, slugFromPath, toggle } from "./list.js";

export function storage() {
  try {
    const store = window.localStorage;
    const probe = STORAGE_KEY + "-probe";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch {
    return null; // storage switched off or full: the buttons stay hidden, the page says why
  }
}

export function load(store) {
  return store ? readStored(store.getItem(STORAGE_KEY)) : emptySelection();
}

export function save(store, selection) {
  try {
    store.setItem(STORAGE_KEY, serialise(selection));
    return true;
  } catch {
    return false;
  }
}

/** One polite live region per page for what the buttons did. */
export function announcer() {
  let region = document.getElementById("kb-selection-announce");
  if (!region) {
    region = document.createElement("div");
    region.id = "kb-selection-announce";
    region.className = "kb-visually-hidden";
    region.setAttribute("role", "status");
    document.body.appendChild(region);
  }
  return (message) => {
    region.textContent = "";
    // A new text node after clearing: screen readers announce a changed region, also the same words twice.
    window.setTimeout(() => {
      region.textContent = message;
    }, 50);
  };
}

export function showCount(count) {
  document.querySelectorAll(".kb-selection-count").forEach((element) => {
    element.textContent = count ? " (" + count + ")" : "";
  });
}

function practiceTitle() {
  const heading = document.querySelector(".md-content h1");
  if (!heading) {
    return "";
  }
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}

function resultButton(item) {
  const anchor = item.querySelector("h2 a[href]");
  const slug = anchor ? slugFromPath(new URL(anchor.href, document.baseURI).pathname) : "";
  if (!slug || item.querySelector(".kb-select-toggle")) {
    return null;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button kb-select-toggle";
  button.dataset.slug = slug;
  button.textContent = "Bewaar in mijn selectie";
  const title = anchor.textContent.trim();
  // Which result it saves, for a list of many identical buttons.
  button.setAttribute("aria-label", "Bewaar in mijn selectie: " + title);
  button.dataset.kbTitle = title;
  // Under the region and themes, above the summary: the result keeps its text last.
  (item.querySelector("p.kb-small") || anchor.closest("h2")).after(button);
  return button;
}

function init() {
  const store = storage();
  const buttons = () => document.querySelectorAll(".kb-select-toggle[data-slug]");
  if (!store) {
    showCount(0);
    return;
  }
  const announce = announcer();
  const refresh = () => {
    const selection = load(store);
    const chosen = new Set(selection.items.map((item) => item.slug));
    buttons().forEach((button) => {
      button.setAttribute("aria-pressed", chosen.has(button.dataset.slug) ? "true" : "false");
      button.hidden = false;
    });
    showCount(selection.items.length);
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest ? event.target.closest(".kb-select-toggle[data-slug]") : null;
    if (!button) {
      return;
    }
    const selection = load(store);
    const before = selection.items.length;
    const title = button.dataset.kbTitle || practiceTitle();
    selection.items = toggle(selection.items, button.dataset.slug, title);
    if (selection.items.length === before) {
      announce("Uw selectie is vol: haal eerst een praktijkvoorbeeld weg op de pagina Mijn selectie.");
      return;
    }
    if (!save(store, selection)) {
      announce("Uw browser kon de selectie niet bewaren.");
      return;
    }
    refresh();
    const added = selection.items.length > before;
    announce(
      (added ? "Bewaard in uw selectie" : "Uit uw selectie gehaald") +
        ". Uw selectie heeft nu " + countText(selection.items.length) + ".",
    );
  });
  // Another tab changed the selection.
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY) {
      refresh();
    }
  });
  const results = document.getElementById("kb-finder-results");
  if (results) {
    const enhance = () => {
      results.querySelectorAll("li.kb-result").forEach(resultButton);
      refresh();
    };
    new MutationObserver(enhance).observe(results, { childList: true });
    enhance();
  }
  refresh();
}

init();
// A print overview offers compact or full text; its module is fetched on those pages only.
if (document.querySelector(".kb-print-cover .kb-print-actions")) {
  import("./overview.js").then((module) => module.enhance());
}
