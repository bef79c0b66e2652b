/* The boxes beside the results that show the way on (finder.js): the site's other pages that match the
 * query, and, when nothing matches, the labels nearest to the words typed and the overviews by theme,
 * target group and region. finder.js hands in the elements; texts go into them with textContent, never
 * as markup. */

import { matchingPages, pageStems, townRegion } from "./pages.js";
import { nearestLabels } from "./suggest.js";

/* The list ``items`` (a ul) holds these links: [[text, href]]; onFollow(): called when one is followed.
 * The elements are made by the list's own document: the module needs no global DOM. */
export function fillLinks(items, links, onFollow) {
  const page = items.ownerDocument;
  items.textContent = "";
  links.forEach(([text, href]) => {
    const item = page.createElement("li");
    const anchor = page.createElement("a");
    anchor.href = href;
    anchor.textContent = text;
    if (onFollow) {
      anchor.addEventListener("click", onFollow);
    }
    item.appendChild(anchor);
    items.appendChild(item);
  });
}

/* The site's other pages for the query's terms, once pages.json is here; ``mine``: the query's number,
 * isCurrent(mine): whether it is still the newest when pages.json arrives later. */
export function showPages(box, finder, terms, mine, isCurrent, siteRoot) {
  if (!box) {
    return;
  }
  const stems = pageStems(finder.text, terms);
  if (!stems.length) {
    box.hidden = true;
    box.setAttribute("data-ready", String(mine));
    return;
  }
  if (!finder.pages) {
    finder.sitePages().then(
      () => {
        if (isCurrent(mine)) {
          showPages(box, finder, terms, mine, isCurrent, siteRoot);
        }
      },
      () => {}
    );
    return;
  }
  // A town's name: "Kampen hoort bij arbeidsmarktregio Regio Zwolle", its region page first and not again below.
  const town = townRegion(finder.pages, stems);
  const pages = matchingPages(finder.pages, stems, 5).filter((page) => !town || page[1] !== town[2]);
  const items = box.querySelector("ul");
  const key = JSON.stringify([town, pages]);
  box.setAttribute("data-ready", String(mine)); // for the tests: the pages for this query are shown
  if (items.getAttribute("data-shown") !== key) {
    items.setAttribute("data-shown", key);
    fillLinks(
      items,
      pages.map((page) => [page[0], siteRoot + page[1]]),
      null
    );
    if (town) {
      const page = items.ownerDocument;
      const item = page.createElement("li");
      const anchor = page.createElement("a");
      anchor.href = siteRoot + town[2];
      anchor.textContent = town[1];
      item.className = "kb-finder-town";
      item.appendChild(page.createTextNode(town[0] + " hoort bij arbeidsmarktregio "));
      item.appendChild(anchor);
      items.insertBefore(item, items.firstChild);
    }
  }
  box.hidden = !pages.length && !town;
}

/* When nothing matches (``none``): the nearest labels as links (hrefOf(label)), and the overviews
 * (``browse``); otherwise both hidden. */
export function showWayForward(nearBox, browse, finder, query, none, hrefOf, onFollow) {
  if (browse) {
    browse.hidden = !none;
  }
  const labels = none ? nearestLabels(finder.facets, finder.text.contentWords(query), finder.text, 5) : [];
  fillLinks(
    nearBox.querySelector("ul"),
    labels.map((label) => [label.name, hrefOf(label)]),
    onFollow
  );
  nearBox.hidden = !labels.length;
}
