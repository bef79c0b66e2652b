/**
 * The page /selectie/: the selection in the user's order (up and down by keyboard), a title for the
 * cover, compact or full text, printing, and a link to share it (?p=slug,slug&t=title). A shared link
 * is shown as it is and offered to be saved; it is not stored until the user says so.
 *
 * Whatever comes in (storage, link) is checked by list.js and against the site's list of practices
 * (practices.json): a practice the site no longer has is named and dropped, junk in a link is counted
 * and left out, never a blank page. Titles are set as text only.
 */

import {
  cleanTitle,
  countText,
  move,
  names,
  parseShared,
  reconcile,
  removeAt,
  shareQuery,
} from "./list.js";
import { announcer, load, save, showCount, storage } from "./store.js";
import { DEFAULT_TITLE, cover, practiceBlock } from "./bundle.js";

const container = document.getElementById("kb-selection");
const byId = (id) => document.getElementById(id);

function siteAddress() {
  const canonical = document.querySelector('link[rel="canonical"]');
  return new URL(container.dataset.root, canonical ? canonical.href : location.href).href;
}

async function practices() {
  try {
    const response = await fetch(container.dataset.assets + "practices.json", { credentials: "same-origin" });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

function start(data, store) {
  const announce = announcer();
  const known = new Map(data.slugs.map((slug, index) => [slug, data.titles[index]]));
  const regions = new Map(data.slugs.map((slug, index) => [slug, data.regions[index]]));
  const params = new URLSearchParams(location.search);
  const messages = [];
  let shared = params.has("p");
  let state;
  if (shared) {
    const link = parseShared(params.get("p"));
    const checked = reconcile(link.slugs.map((slug) => ({ slug, title: slug })), known);
    state = { title: cleanTitle(params.get("t") || ""), items: checked.items };
    if (link.junk) {
      messages.push(
        "De link bevat " + link.junk + (link.junk === 1 ? " deel dat" : " delen die") +
          " geen praktijkvoorbeeld " + (link.junk === 1 ? "noemt" : "noemen") + "; dat is weggelaten.",
      );
    }
    if (link.cut) {
      messages.push("De link noemt meer dan 100 praktijkvoorbeelden; alleen de eerste 100 staan hier.");
    }
    if (checked.unknown.length) {
      messages.push(unknownMessage(checked.unknown, "Ze zijn weggelaten."));
    }
  } else {
    const stored = load(store);
    const checked = reconcile(stored.items, known);
    state = { title: stored.title, items: checked.items };
    if (checked.unknown.length) {
      save(store, state);
      messages.push(unknownMessage(checked.unknown, "Ze zijn uit uw selectie gehaald."));
    }
  }
  byId("kb-selection-message").textContent = messages.join(" ");

  const titleField = byId("kb-selection-title");
  titleField.value = state.title;
  const place = (slug) => ({
    overview: new URL(container.dataset.root + data.print.replace("{region}", regions.get(slug)), location.href).href,
    page: new URL(container.dataset.root + data.page.replace("{slug}", slug), location.href).href,
  });

  let bundleRun = 0;
  let bundleReady = Promise.resolve();
  function rebuildBundle() {
    const run = ++bundleRun;
    const full = byId("kb-selection-full").checked;
    const items = state.items.slice();
    bundleReady = Promise.all(items.map((item) => practiceBlock(item.slug, place(item.slug), full))).then((blocks) => {
      if (run !== bundleRun) {
        return;
      }
      const printed = items.filter((_, index) => blocks[index]);
      const missing = items.filter((_, index) => !blocks[index]).map((item) => item.title);
      const bundle = byId("kb-selection-bundle");
      bundle.replaceChildren();
      if (printed.length) {
        bundle.appendChild(cover(state.title, printed, new Date(), siteAddress()));
        blocks.filter(Boolean).forEach((block) => bundle.appendChild(block));
      }
      if (missing.length) {
        byId("kb-selection-message").textContent =
          "De tekst van " + names(missing) + " kon niet worden geladen en komt niet op papier.";
      }
    });
    return bundleReady;
  }

  function persist() {
    if (!shared) {
      save(store, state);
      showCount(state.items.length);
    }
  }

  function shareAddress() {
    const title = cleanTitle(titleField.value);
    const query = shareQuery(state.items) + (title ? "&t=" + encodeURIComponent(title) : "");
    return new URL("?" + query, location.href).href;
  }

  function control(label, action, index, disabled) {
    const item = state.items[index];
    const button = document.createElement("button");
    button.type = "button";
    button.className = "kb-selection-move";
    button.textContent = label;
    button.dataset.action = action;
    button.setAttribute("aria-label", label + ": " + item.title);
    if (disabled) {
      // Still focusable: a button that turns disabled under the keyboard's focus would lose it.
      button.setAttribute("aria-disabled", "true");
    }
    button.addEventListener("click", () => act(action, index));
    return button;
  }

  function render(focus) {
    const list = byId("kb-selection-list");
    list.replaceChildren();
    const count = state.items.length;
    state.items.forEach((item, index) => {
      const entry = document.createElement("li");
      const anchor = document.createElement("a");
      anchor.href = place(item.slug).page;
      anchor.textContent = item.title;
      entry.appendChild(anchor);
      if (!shared) {
        const buttons = document.createElement("span");
        buttons.className = "kb-selection-buttons";
        buttons.appendChild(control("Omhoog", "up", index, index === 0));
        buttons.appendChild(control("Omlaag", "down", index, index === count - 1));
        buttons.appendChild(control("Weghalen", "remove", index, false));
        entry.appendChild(buttons);
      }
      list.appendChild(entry);
    });
    byId("kb-selection-empty").hidden = count > 0;
    byId("kb-selection-tools").hidden = count === 0;
    byId("kb-selection-shared").hidden = !shared;
    if (shared) {
      const own = load(store).items.length;
      byId("kb-selection-shared-text").textContent =
        "Dit is een gedeelde selectie van " + countText(count) + ". Bewaar hem als uw eigen selectie om " +
        "hem te ordenen of aan te vullen" +
        (own ? "; dat vervangt uw huidige selectie van " + countText(own) + "." : ".");
    }
    const share = byId("kb-selection-share");
    share.href = shareAddress();
    byId("kb-selection-share-text").textContent = "Link om te delen: " + shareAddress();
    if (focus) {
      const entry = list.children[focus.index];
      const target = entry ? entry.querySelector('[data-action="' + focus.action + '"]') : null;
      // The emptied list hides its heading: focus goes to the line that says so.
      (target || byId(count ? "kb-selection-order" : "kb-selection-empty")).focus();
    }
    rebuildBundle();
  }

  function act(action, index) {
    const item = state.items[index];
    if (!item) {
      return;
    }
    if (action === "remove") {
      state.items = removeAt(state.items, index);
      persist();
      render({ action: "remove", index: Math.min(index, state.items.length - 1) });
      announce(item.title + " is uit uw selectie gehaald. Nog " + countText(state.items.length) + ".");
      return;
    }
    const delta = action === "up" ? -1 : 1;
    const moved = move(state.items, index, delta);
    if (moved[index] === state.items[index]) {
      announce(item.title + " staat al " + (delta < 0 ? "bovenaan." : "onderaan."));
      return;
    }
    state.items = moved;
    persist();
    render({ action, index: index + delta });
    announce(item.title + " staat nu op plaats " + (index + delta + 1) + " van " + state.items.length + ".");
  }

  titleField.addEventListener("input", () => {
    state.title = cleanTitle(titleField.value);
    persist();
    byId("kb-selection-share").href = shareAddress();
    byId("kb-selection-share-text").textContent = "Link om te delen: " + shareAddress();
    const heading = document.querySelector("#kb-selection-bundle .kb-print-cover h1");
    if (heading) {
      heading.textContent = state.title || DEFAULT_TITLE;
    }
  });
  document.querySelectorAll('input[name="tekst"]').forEach((radio) => radio.addEventListener("change", rebuildBundle));
  byId("kb-selection-print").addEventListener("click", () => {
    announce("De bundel wordt klaargemaakt om af te drukken.");
    bundleReady.then(() => window.print());
  });
  byId("kb-selection-copy").addEventListener("click", () => {
    const done = () => announce("De link staat op het klembord.");
    const failed = () => announce("Kopiëren lukte niet; kopieer de link hieronder zelf.");
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(shareAddress()).then(done, failed);
    } else {
      failed();
    }
  });
  byId("kb-selection-save").addEventListener("click", () => {
    shared = false;
    state.title = cleanTitle(titleField.value);
    if (!save(store, state)) {
      announce("Uw browser kon de selectie niet bewaren.");
      return;
    }
    history.replaceState(null, "", location.pathname);
    showCount(state.items.length);
    byId("kb-selection-message").textContent = "Bewaard als uw selectie: " + countText(state.items.length) + ".";
    render({ action: "up", index: 0 });
  });
  container.hidden = false;
  render(null);
}

function unknownMessage(slugs, after) {
  const one = slugs.length === 1;
  return (
    (one ? "Dit praktijkvoorbeeld staat" : "Deze praktijkvoorbeelden staan") +
    " niet (meer) in de kennisbank: " + names(slugs) + ". " + (one ? after.replace("Ze zijn", "Het is") : after)
  );
}

async function init() {
  if (!container) {
    return;
  }
  const store = storage();
  if (!store) {
    container.hidden = false;
    byId("kb-selection-message").textContent =
      "Uw browser bewaart geen gegevens voor deze site, dus een selectie kan hier niet worden bewaard.";
    return;
  }
  const data = await practices();
  if (!data) {
    container.hidden = false;
    byId("kb-selection-message").textContent = "De lijst met praktijkvoorbeelden kon niet worden geladen.";
    return;
  }
  start(data, store);
}

init();
