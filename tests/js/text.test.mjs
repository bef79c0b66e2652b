// The text pipeline, the stemmer and the glossary synonyms against pipeline.py and synonyms.py.
import assert from "node:assert/strict";
import test from "node:test";

import { Synonyms, markedPieces } from "../../scripts/kennisbank/search/finder/text.js";
import { cases, stemmer, textPipeline } from "./helpers.mjs";

test("words and stems are those of pipeline.py (diacritics, hyphens, numbers, stop words, 's)", () => {
  const text = textPipeline();
  assert.ok(cases.texts.length >= 30);
  for (const c of cases.texts) {
    assert.deepEqual(text.words(c.text), c.words, c.text);
    assert.deepEqual(
      text.contentWords(c.text).map((w) => text.stem(w)),
      c.stems,
      c.text
    );
  }
});

test("lunr.nl stems every word of the vocabulary as snowballstemmer does", () => {
  const words = cases.files[cases.boot.words].vocabulary;
  assert.ok(words.length > 100);
  assert.deepEqual(
    words.map((w) => stemmer(w)),
    cases.vocabularyStems
  );
});

test("stems are remembered per word", () => {
  const text = textPipeline();
  let calls = 0;
  text.stemmer = (word) => {
    calls += 1;
    return stemmer(word);
  };
  text.stem("jongeren");
  text.stem("jongeren");
  assert.equal(calls, 1);
});

test("glossary phrases are found as synonyms.py finds them: longest first, left to right", () => {
  const synonyms = new Synonyms(cases.boot.synonyms);
  for (const c of cases.synonymMatches) {
    assert.deepEqual(synonyms.matches(c.stems), c.matches, c.stems.join(" "));
  }
  assert.ok(cases.synonymMatches.some((c) => c.matches.length));
});

test("marking: matched words and glossary phrases, without their punctuation", () => {
  const text = textPipeline();
  const synonyms = new Synonyms(cases.boot.synonyms);
  const stems = new Set([text.stem("jongeren"), text.stem("vsv")]);
  assert.deepEqual(markedPieces("Werk voor jongeren, nu.", stems, text, synonyms), ["Werk voor ", "jongeren", ", nu."]);
  assert.deepEqual(markedPieces("(Jongeren) en voortijdig schoolverlaters", stems, text, synonyms), [
    "(",
    "Jongeren",
    ") en ",
    "voortijdig",
    " ",
    "schoolverlaters",
    "",
  ]);
  assert.deepEqual(markedPieces("vso-leerlingen", new Set([text.stem("leerlingen")]), text, synonyms), [
    "vso-",
    "leerlingen",
    "",
  ]);
  assert.deepEqual(markedPieces("Niets hier", stems, text, synonyms), ["Niets hier"]);
  // Stop words are never marked, even when the stems contain them.
  assert.deepEqual(markedPieces("de jongeren", new Set(["de", text.stem("jongeren")]), text, synonyms), [
    "de ",
    "jongeren",
    "",
  ]);
});
