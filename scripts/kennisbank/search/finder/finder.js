/* The finder at /zoeken/: free text plus facets, its state in the URL. This module is the page: it
 * reads the form, shows the results and keeps the address; the search itself is in the modules it
 * imports, which touch no DOM (tests/js runs them in node against what Python computes). The browser
 * never builds an index: score.js scores straight from the shards, as lunr's Index.query does, and
 * query.js takes the steps of search/query.py, so the finder ranks as `kennisbank search` does. Of
 * lunr only lunr.nl's stemmer is used: the page loads its scripts (and search/lunr-base.js in place of
 * lunr.js) before this module.
 *
 * The data (pages/search.py): the page itself carries the text pipeline's settings, the synonyms and
 * the manifests (data-finder), so this module asks for the shards of the query in the address, the
 * core data and the result texts as soon as it runs. data.json, the core, holds the facet values as
 * numbers; the titles and summaries come in blocks, waited for only where a shown result is; the
 * vocabulary for typo correction and the list of the index's terms (words.json) come after the first
 * results.
 *
 * Everything from the data goes into the page with textContent, never as markup.
 */

// Every module of the finder is imported here, also those only search.js uses, so the browser asks
// for all of them at once instead of finding some only after the first ones arrived.
import "./facets.js";
import "./score.js";
import { showPages, showWayForward } from "./guides.js";
import "./pages.js";
import { earlyPrefixes, earlyStems, noteText } from "./query.js";
import { Finder } from "./search.js";
import "./suggest.js";
import { Shards, Texts } from "./shards.js";
import { readState, stateUrl } from "./state.js";
import { Synonyms, TextPipeline, markedPieces } from "./text.js";

// Shards asked for at once per prefix of the query in the address; a prefix with more waits for the rest.
const EARLY_PREFIX_SHARDS = 6;

function main() {
  const root = document.getElementById("kb-finder");
  if (!root || !window.lunr || !window.lunr.nl || !window.fetch || !window.URLSearchParams) {
    return;
  }
  let boot;
  try {
    boot = JSON.parse(root.getAttribute("data-finder"));
  } catch {
    return; // the page keeps its links to the overviews
  }
  const pageSize = boot.page_size; // results shown at once (pages/search.py RESULTS_PER_PAGE)
  const assets = root.getAttribute("data-assets");
  const siteRoot = root.getAttribute("data-root");
  const form = root.querySelector("form");
  const input = document.getElementById("kb-finder-q");
  const status = document.getElementById("kb-finder-status");
  const note = document.getElementById("kb-finder-note");
  const list = document.getElementById("kb-finder-results");
  const pagesBox = document.getElementById("kb-finder-pages");
  const browse = document.querySelector(".kb-finder-browse");
  const nearBox = document.getElementById("kb-finder-near");
  const fieldsets = Array.from(root.querySelectorAll("fieldset[data-facet]"));
  const facetParams = fieldsets.map((fs) => [fs.getAttribute("data-facet"), fs.getAttribute("data-param")]);
  const initialUrl = location.href;
  const filtersButton = root.querySelector(".kb-finder-filters");
  const countBeside = document.getElementById("kb-finder-count");

  /* ---- phones: the facets fold behind one button that says how many filters are on ---- */

  function showFilterCount() {
    if (filtersButton) {
      const on = root.querySelectorAll("fieldset[data-facet] input:checked").length;
      filtersButton.textContent = on ? "Filters (" + on + ")" : "Filters";
    }
  }

  function setFiltersOpen(open) {
    filtersButton.setAttribute("aria-expanded", String(open));
    root.classList.toggle("kb-filters-open", open);
    if (!open) {
      // Closed from far down the facets: back to the button, with the results right below it.
      filtersButton.scrollIntoView({ block: "nearest" });
    }
  }

  function getJSON(name) {
    return fetch(assets + name).then((response) => {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  /* ---- the form and the URL ---- */

  function formState() {
    const state = { q: input.value, selected: {} };
    fieldsets.forEach((fs) => {
      state.selected[fs.getAttribute("data-facet")] = Array.from(fs.querySelectorAll("input:checked"), (box) => box.value);
    });
    return state;
  }

  function showState(state) {
    input.value = state.q;
    fieldsets.forEach((fs) => {
      const values = state.selected[fs.getAttribute("data-facet")] || [];
      fs.querySelectorAll("input[type=checkbox]").forEach((box) => {
        box.checked = values.indexOf(box.value) !== -1;
      });
    });
    showFilterCount();
  }

  /* The count labels, found once: [{attribute, position, label, text}]. */
  let countLabels = null;

  function updateCounts(counts) {
    if (!countLabels) {
      countLabels = [];
      fieldsets.forEach((fs) => {
        const attribute = fs.getAttribute("data-facet");
        const facet = finder.facets.byAttribute[attribute];
        fs.querySelectorAll("input[type=checkbox]").forEach((box) => {
          const label = fs.querySelector('label[for="' + box.id + '"] .kb-count');
          if (label && facet) {
            const position = facet.position.has(box.value) ? facet.position.get(box.value) : -1;
            countLabels.push({ attribute, position, label, text: label.textContent });
          }
        });
      });
    }
    countLabels.forEach((entry) => {
      const facetCounts = counts[entry.attribute];
      const text = "(" + (facetCounts && entry.position >= 0 ? facetCounts[entry.position] : 0) + ")";
      if (text !== entry.text) {
        entry.label.textContent = text;
        entry.text = text;
      }
    });
  }

  /* ---- showing results, with the matched words marked ---- */

  function appendMarked(element, value, stems) {
    markedPieces(value, stems, finder.text, finder.synonyms).forEach((piece, i) => {
      if (i % 2 === 1) {
        const mark = document.createElement("mark");
        mark.textContent = piece;
        element.appendChild(mark);
      } else if (piece) {
        element.appendChild(document.createTextNode(piece));
      }
    });
  }

  function resultItem(ranking, ref) {
    const record = finder.texts.get(ref);
    const stems = ranking.stems(ref);
    const item = document.createElement("li");
    item.className = "kb-result";
    // h2: the results come straight after the page's h1, and heading levels must not skip (WCAG 1.3.1).
    const heading = document.createElement("h2");
    const anchor = document.createElement("a");
    anchor.href = siteRoot + "praktijkvoorbeelden/" + encodeURIComponent(record.slug) + "/";
    appendMarked(anchor, record.title, stems);
    heading.appendChild(anchor);
    const meta = document.createElement("p");
    meta.className = "kb-small";
    meta.textContent = finder.facets.names("region", ref) + " · " + finder.facets.names("themes", ref);
    const summary = document.createElement("p");
    appendMarked(summary, record.summary, stems);
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(summary);
    return item;
  }

  function setText(element, value) {
    if (element.textContent !== value) {
      element.textContent = value;
    }
  }

  let finder = null;
  let generation = 0;
  let shownView = null; // what the list shows now

  function moreButton(view, from) {
    const more = document.createElement("li");
    more.className = "kb-finder-more";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Meer resultaten tonen";
    button.addEventListener("click", () => {
      Promise.resolve(finder.texts.ensure(view.shown.subarray(from, from + pageSize))).then(() => {
        if (shownView !== view || !more.isConnected) {
          return; // the results changed meanwhile, or this page is shown already
        }
        more.remove();
        list.appendChild(pageItems(view, from));
        const next = list.children[from];
        const link = next && next.querySelector("a");
        if (link) {
          link.focus();
        }
      }, showFailure);
    });
    more.appendChild(button);
    return more;
  }

  /* The results from ``from`` on, one page, with the button for more: one fragment to insert. */
  function pageItems(view, from) {
    const fragment = document.createDocumentFragment();
    const end = Math.min(view.shown.length, from + pageSize);
    for (let i = from; i < end; i++) {
      fragment.appendChild(resultItem(view.ranking, view.shown[i]));
    }
    if (view.shown.length > end) {
      fragment.appendChild(moreButton(view, end));
    }
    return fragment;
  }

  /* The ranking with this selection of facets: {ranking, shown (refs), counts}. The same ranking and
   * selection give the same object, so the list is left alone when it would show the same. */
  function viewOf(ranking, selected) {
    const key = JSON.stringify(selected);
    let view = ranking.views.get(key);
    if (!view) {
      const applied = finder.facets.apply(ranking.refs, selected);
      view = { ranking, shown: applied.shown, counts: applied.counts };
      if (ranking.views.size >= 4) {
        ranking.views.delete(ranking.views.keys().next().value);
      }
      ranking.views.set(key, view);
    }
    return view;
  }

  /* The labels near the words typed link to the finder with that filter on; the query typed stays in
   * the history, so back from the label returns to it. */
  const labelHref = (label) =>
    stateUrl(location.pathname, { q: "", selected: { [label.attribute]: [label.id] } }, facetParams);
  const keepQuery = () => {
    clearTimeout(typingTimer);
    remember(false);
  };

  async function update(typing) {
    const state = formState();
    const mine = ++generation;
    try {
      // The last word, with no space after it yet, is being typed: it matches as the start of a word.
      const found = await finder.search(state.q, true);
      if (mine !== generation) {
        return; // a newer query has started meanwhile
      }
      const view = viewOf(found.ranking, state.selected);
      const shown = view.shown;
      if (view !== shownView) {
        const loading = finder.texts.ensure(shown.subarray(0, pageSize));
        if (loading) {
          await loading;
          if (mine !== generation) {
            return;
          }
        }
      }
      updateCounts(view.counts);
      const message = noteText(found.terms, found.unmatched);
      note.hidden = !message;
      setText(note, message);
      const count = shown.length === 1 ? "1 resultaat" : shown.length + " resultaten";
      setText(status, shown.length ? count : "Geen resultaten. Probeer andere woorden of vink minder filters aan.");
      if (countBeside) {
        setText(countBeside, shown.length ? count : "Geen resultaten");
      }
      showWayForward(nearBox, browse, finder, state.q, !shown.length, labelHref, keepQuery);
      if (view !== shownView) {
        list.textContent = "";
        list.appendChild(pageItems(view, 0));
        shownView = view;
      }
      root.setAttribute("data-ready", String(mine));
      showPages(pagesBox, finder, found.terms, mine, (n) => n === generation, siteRoot);
      if (typing) {
        // After this frame: the responses are read on this thread, and must not hold up its painting.
        requestAnimationFrame(() => {
          setTimeout(() => finder.prefetch(state.q), 0);
        });
      }
    } catch {
      if (mine === generation) {
        showFailure();
      }
    }
  }

  /* Data that cannot load: before the finder started, no form at all; later, the form stays for another try. */
  function showFailure() {
    root.hidden = false;
    form.hidden = !finder;
    list.textContent = "";
    shownView = null;
    note.hidden = true;
    status.textContent = "Zoeken lukt nu niet. Blader hieronder per thema, doelgroep of regio.";
    if (browse) {
      browse.hidden = false;
    }
  }

  function remember(push) {
    const url = stateUrl(location.pathname, formState(), facetParams);
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  let typingTimer = null;

  function start(core) {
    finder = new Finder(core, parts, getJSON, { words: boot.words, pages: boot.pages });
    showState(readState(new URL(initialUrl).search, facetParams));
    root.hidden = false;
    if (browse) {
      browse.hidden = true;
    }
    if (filtersButton) {
      filtersButton.hidden = false;
      filtersButton.addEventListener("click", () => {
        setFiltersOpen(filtersButton.getAttribute("aria-expanded") !== "true");
      });
    }
    // The header's magnifier links here with #zoekveld: the reader came to type. A load with ?q= (the
    // header's field, a shared link, a reload) is there to read results, so it keeps the focus where it is.
    if (new URL(initialUrl).hash === "#zoekveld") {
      input.focus();
    }
    input.addEventListener("input", () => {
      update(true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => remember(true), 600);
    });
    form.addEventListener("change", (event) => {
      if (event.target.type === "checkbox") {
        showFilterCount();
        update();
        remember(true);
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(typingTimer);
      update();
      remember(true);
    });
    form.addEventListener("reset", () => {
      setTimeout(() => {
        showFilterCount();
        update();
        remember(true);
      }, 0);
    });
    window.addEventListener("popstate", () => {
      clearTimeout(typingTimer);
      showState(readState(location.search, facetParams));
      update();
    });
    // For the tests: the ranking as the finder computes it, best first.
    window.kennisbankFinder = {
      search: (query, prefix) =>
        finder.search(query, prefix).then((found) => Array.from(found.ranking.refs, (ref) => [ref, found.ranking.scores[ref]])),
    };
    return update().then(() => {
      // The typo vocabulary, while the reader reads: a later correction then waits for nothing.
      setTimeout(() => finder.vocabulary().catch(() => {}), 200);
    });
  }

  /* At once, while the page is still being read in: the core, the result texts, and the shards of the
   * query in the address (its words and synonyms; a typo's correction waits for the core). */
  const text = new TextPipeline(boot, window.lunr.nl.stemmer);
  const synonyms = new Synonyms(boot.synonyms);
  const parts = { text, synonyms, shards: new Shards(boot.index, getJSON), texts: new Texts(boot.texts, getJSON) };
  const initialQuery = new URLSearchParams(new URL(initialUrl).search).get("q");
  if (initialQuery) {
    const early = parts.shards.ensure(earlyStems(text, synonyms, initialQuery));
    if (early) {
      early.catch(() => {}); // the search asks again, and reports it
    }
    earlyPrefixes(text, initialQuery).forEach((prefix) => parts.shards.loadStartingWith(prefix, EARLY_PREFIX_SHARDS));
  }
  // After the shards (the browser opens only a few connections at a time): the core, then the texts,
  // then, for a query in the address (the header's search), the site's pages: listed above the
  // results, they should not push those down after they are shown.
  const coreLoading = getJSON(boot.core);
  parts.texts.loadAll();
  if (initialQuery) {
    parts.pagesEarly = getJSON(boot.pages);
    parts.pagesEarly.catch(() => {}); // Finder.sitePages asks again
  }
  coreLoading.then(start).catch(showFailure);
}

main();
