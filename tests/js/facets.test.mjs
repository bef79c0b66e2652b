// Facet counts and filtering against query.Filters: a value's count is the number of results it gives
// with the other facets' selections kept.
import assert from "node:assert/strict";
import test from "node:test";

import { cases, dataFiles, makeFinder } from "./helpers.mjs";

test("shown results and every facet value's count are those of the command line", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  for (const c of cases.facets) {
    const found = await finder.search(c.query);
    const applied = finder.facets.apply(found.ranking.refs, c.selected);
    const label = `${c.query} ${JSON.stringify(c.selected)}`;
    assert.deepEqual(Array.from(applied.shown), c.shown, label);
    const counts = Object.fromEntries(Object.entries(applied.counts).map(([k, v]) => [k, Array.from(v)]));
    assert.deepEqual(counts, c.counts, label);
  }
});

test("a result's texts come from its block, and its region and themes by name", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const count = cases.files[cases.boot.core].count;
  const all = [...Array(count).keys()];
  assert.ok(cases.boot.texts.files.length >= 3);
  await finder.texts.ensure(all);
  assert.equal(finder.texts.ensure(all), null);
  const byTitle = new Map(all.map((ref) => [finder.texts.get(ref).title, ref]));
  const ref = (title) => byTitle.get(title);
  const heftruck = ref("Heftruckcertificaat in de entreeopleiding");
  assert.equal(finder.texts.get(heftruck).summary, "Studenten halen een heftruck certificaat naast hun diploma.");
  assert.match(finder.texts.get(heftruck).slug, /^voorbeeld-/);
  assert.equal(finder.facets.names("themes", heftruck), "Naar werk");
  const verklaring = ref("Praktijkverklaring voor leerlingen van het praktijkonderwijs");
  assert.equal(finder.facets.names("themes", verklaring), "Naar werk, Terug naar school");
  assert.equal(finder.facets.names("region", ref("Nazorg voor vso-leerlingen in Twente")), "Twente");
});
