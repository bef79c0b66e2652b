// When nothing matches: the vocabulary labels nearest to the words typed (finder/suggest.js).
import assert from "node:assert/strict";
import test from "node:test";

import { nearestLabels, wordDistance } from "../../scripts/kennisbank/search/finder/suggest.js";
import { dataFiles, makeFinder } from "./helpers.mjs";

test("a label's word is near a typed word by edit distance or a shared start of four letters", () => {
  assert.equal(wordDistance("nazorgg", "nazorg"), 1);
  assert.equal(wordDistance("jongxyz", "jongeren"), 1);
  assert.equal(wordDistance("stgae", "stage"), 1);
  assert.ok(wordDistance("xyzzy", "stage") > 2);
});

test("the nearest labels, nearest first, each name once, at most the limit", () => {
  const finder = makeFinder(dataFiles().getJSON);
  const labels = nearestLabels(finder.facets, ["nazorgg", "werkgevrs"], finder.text, 5);
  assert.deepEqual(
    labels.map((l) => [l.attribute, l.id]),
    [
      ["themes", "nazorg"],
      ["themes", "werk"],
      ["success_factors", "werkgevers"],
    ]
  );
  assert.equal(nearestLabels(finder.facets, ["nazorgg", "werkgevrs"], finder.text, 1).length, 1);
  assert.deepEqual(nearestLabels(finder.facets, ["xyzzy"], finder.text, 5), []);
  assert.deepEqual(nearestLabels(finder.facets, [], finder.text, 5), []);
});
