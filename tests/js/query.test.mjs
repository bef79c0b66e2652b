// Query parsing and typo correction against query.py: edit_distance, correct, analyse.
import assert from "node:assert/strict";
import test from "node:test";

import {
  Vocabulary,
  earlyStems,
  editDistance,
  maxDistance,
  noteText,
  typingLast,
  typingPrefix,
} from "../../scripts/kennisbank/search/finder/query.js";
import { Synonyms } from "../../scripts/kennisbank/search/finder/text.js";
import { cases, dataFiles, makeFinder, textPipeline } from "./helpers.mjs";

test("edit distances are query.edit_distance's, limit + 1 beyond the limit", () => {
  for (const c of cases.edits) {
    assert.equal(editDistance(c.a, c.b, c.limit), c.distance, `${c.a} ${c.b} ${c.limit}`);
  }
});

test("how far a word may be corrected grows with its length", () => {
  assert.deepEqual(["werk", "regio", "jongeren"].map(maxDistance), [0, 1, 2]);
});

test("corrections are query.correct's, in vocabulary order", () => {
  const vocabulary = new Vocabulary(cases.files[cases.boot.words].vocabulary);
  for (const c of cases.corrections) {
    assert.equal(vocabulary.correct(c.word), c.correction, c.word);
  }
  assert.ok(cases.corrections.some((c) => c.correction && c.correction !== c.word));
  // Remembered: the second time the same answer without a search.
  vocabulary.words = [];
  assert.equal(vocabulary.correct("praktijkverklarign"), "praktijkverklaring");
});

test("a query's terms are query.analyse's: stop words, corrections, glossary phrases", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  for (const [list, prefix] of [
    [cases.queries, false],
    [cases.prefixQueries, true],
  ]) {
    for (const c of list) {
      const terms = await finder.analyse(c.query, prefix);
      assert.deepEqual(
        terms.map((t) => ({ word: t.word, stem: t.stem, typed: t.typed, expansions: t.expansions })),
        c.terms,
        c.query
      );
    }
  }
});

test("the page says which words were corrected, and a phrase with a corrected word counts", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  assert.equal(
    noteText(await finder.analyse("praktijkverklarign")),
    "Gezocht op: ‘praktijkverklaring’ (u typte ‘praktijkverklarign’)."
  );
  assert.equal(
    noteText(await finder.analyse("voortijdig schoolverlatrs werkgevres")),
    "Gezocht op: ‘vsv’ (u typte ‘voortijdig schoolverlatrs’), ‘werkgevers’ (u typte ‘werkgevres’)."
  );
  assert.equal(noteText(await finder.analyse("voortijdig schoolverlaters")), "");
  const split = await finder.analyse("heftruckstage");
  assert.equal(noteText(split), "Gezocht op: ‘heftruck stage’ (u typte ‘heftruckstage’).");
  assert.equal(noteText(await finder.analyse("nazorg vso")), "");
});

test("the page says which words match nothing, and what was searched", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const found = await finder.search("xyzzy nazorg");
  assert.equal(noteText(found.terms, found.unmatched), "Geen resultaat voor ‘xyzzy’; gezocht op: ‘nazorg’.");
  const none = await finder.search("xyzzy kampen");
  assert.equal(noteText(none.terms, none.unmatched), "Geen resultaat voor ‘xyzzy’, ‘kampen’.");
  const fixed = await finder.search("xyzzy praktijkverklarign");
  assert.equal(
    noteText(fixed.terms, fixed.unmatched),
    "Geen resultaat voor ‘xyzzy’; gezocht op: ‘praktijkverklaring’ (u typte ‘praktijkverklarign’)."
  );
});

test("the word being typed: only without a space after it, and not a stop word", () => {
  const text = textPipeline();
  assert.equal(typingLast(text, "nazorg jon", true), true);
  assert.equal(typingLast(text, "nazorg jon", false), false);
  assert.equal(typingLast(text, "nazorg jon ", true), false);
  assert.equal(typingLast(text, "nazorg-", true), false);
  assert.equal(typingLast(text, "nazorg de", true), false);
  assert.equal(typingLast(text, "", true), false);
});

test("a query in the address asks at once for its words' shards and its phrases' canonical words", () => {
  const text = textPipeline();
  const synonyms = new Synonyms(cases.boot.synonyms);
  assert.deepEqual(earlyStems(text, synonyms, "De voortijdig schoolverlaters"), [
    text.stem("voortijdig"),
    text.stem("schoolverlaters"),
    text.stem("vsv"),
  ]);
  assert.deepEqual(earlyStems(text, synonyms, "de en het"), []);
});

test("the word being typed: the last word, '' after a separator, null when no word is there", () => {
  const text = textPipeline();
  assert.equal(typingPrefix(text, "nazorg jon"), "jon");
  assert.equal(typingPrefix(text, "nazorg "), "");
  assert.equal(typingPrefix(text, "vso-"), "");
  assert.equal(typingPrefix(text, "nazorg ?"), "nazorg");
  assert.equal(typingPrefix(text, "?"), null);
  assert.equal(typingPrefix(text, ""), "");
});
