/* The site's other pages that match a query (search/site_pages.py), from pages.json:
 * {pages: [[title, url], ...], text: {stem: [page, ...]}, titles: {stem: [page, ...]}, prefixFrom}. */

/* site_pages.matching_pages: the pages ([title, url]) with every stem in their text or at the start of
 * a title word, most title matches first, then in site order; at most ``limit``. */
export function matchingPages(index, stems, limit) {
  const wanted = Array.from(new Set(stems));
  if (!wanted.length) {
    return [];
  }
  const titleStems = Object.keys(index.titles);
  const titled = wanted.map((stem) => {
    const found = new Set();
    titleStems.forEach((t) => {
      if (stem.length >= index.prefixFrom ? t.startsWith(stem) : t === stem) {
        index.titles[t].forEach((n) => found.add(n));
      }
    });
    return found;
  });
  const hits = [];
  for (let n = 0; n < index.pages.length; n++) {
    let inTitle = 0;
    const all = wanted.every((stem, i) => {
      const hasIt = titled[i].has(n);
      inTitle += hasIt ? 1 : 0;
      return hasIt || (index.text[stem] || []).indexOf(n) !== -1;
    });
    if (all) {
      hits.push([n, inTitle]);
    }
  }
  hits.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return hits.slice(0, limit).map((hit) => index.pages[hit[0]]);
}

/* The stems the pages are matched on: the query's words as typed, or as corrected; no canonical words
 * of glossary phrases, but the phrase's own words; a compound as typed, not its parts. terms: from
 * query.js queryTerms. */
export function pageStems(text, terms) {
  const stems = [];
  terms.forEach((t) => {
    text.contentWords(t.corrected && !t.split ? t.word : t.typed).forEach((w) => stems.push(text.stem(w)));
  });
  return stems;
}

/* site_pages.town_region: [town, region page title, url] when the stems are a town's name, else null. */
export function townRegion(index, stems) {
  const key = Array.from(new Set(stems)).join(" ");
  const found = (index.towns || {})[key];
  if (!found) {
    return null;
  }
  const page = index.pages[found[1]];
  return [found[0], page[0], page[1]];
}
