// The site's other pages that match a query, against site_pages.matching_pages, and the URL state.
import assert from "node:assert/strict";
import test from "node:test";

import { matchingPages, pageStems, townRegion } from "../../scripts/kennisbank/search/finder/pages.js";
import { readState, stateUrl } from "../../scripts/kennisbank/search/finder/state.js";
import { cases, dataFiles, makeFinder, textPipeline } from "./helpers.mjs";

const index = cases.files[cases.boot.pages];

test("the pages a query lists are those of site_pages.matching_pages, in its order", () => {
  const text = textPipeline();
  for (const c of cases.pages) {
    const stems = text.contentWords(c.query).map((w) => text.stem(w));
    assert.deepEqual(stems, c.stems, c.query);
    const titles = matchingPages(index, stems, c.limit).map((page) => page[0]);
    assert.deepEqual(titles, c.titles, `${c.query} ${c.limit}`);
    assert.deepEqual(townRegion(index, stems), c.town, c.query);
  }
  assert.deepEqual(matchingPages(index, [], 5), []);
});

test("pages are matched on the words typed, or on a typo's correction, not on a phrase's canonical word", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const text = finder.text;
  const stems = (words) => words.map((w) => text.stem(w));
  assert.deepEqual(pageStems(text, await finder.analyse("voortijdig schoolverlaters")), stems(["voortijdig", "schoolverlaters"]));
  assert.deepEqual(pageStems(text, await finder.analyse("praktijkverklarign")), stems(["praktijkverklaring"]));
  assert.deepEqual(pageStems(text, await finder.analyse("de nazorg")), stems(["nazorg"]));
  // A compound split into its parts: the pages are matched on the compound as typed.
  assert.deepEqual(pageStems(text, await finder.analyse("heftruckstage")), stems(["heftruckstage"]));
});

test("the state in the address: the text and each facet's values under its parameter", () => {
  const facets = cases.facetParams;
  const params = Object.fromEntries(facets);
  assert.equal(params.region, "regio");
  const state = readState(`?q=nazorg+vso&${params.region}=twente&${params.themes}=nazorg&${params.region}=rijnmond`, facets);
  assert.equal(state.q, "nazorg vso");
  assert.deepEqual(state.selected.region, ["twente", "rijnmond"]);
  assert.deepEqual(state.selected.themes, ["nazorg"]);
  assert.deepEqual(state.selected.phases, []);
  const url = stateUrl("/zoeken/", state, facets);
  assert.equal(url, `/zoeken/?q=nazorg+vso&${params.themes}=nazorg&${params.region}=twente&${params.region}=rijnmond`);
  assert.deepEqual(readState(url.slice(url.indexOf("?")), facets), state);
});

test("an empty state is the bare path; the text is trimmed and encoded", () => {
  const facets = cases.facetParams;
  assert.equal(stateUrl("/zoeken/", { q: "  ", selected: {} }, facets), "/zoeken/");
  assert.equal(stateUrl("/zoeken/", { q: " regio's & co ", selected: {} }, facets), "/zoeken/?q=regio%27s+%26+co");
  assert.deepEqual(readState("", facets).q, "");
});
