/* From what a professional types to the query's terms: query.py analyse(), in steps, so the caller
 * can fetch what each step needs (the shards of the typed words, the vocabulary for a typo) between
 * them. text: a TextPipeline; synonyms: a Synonyms. */

import { maxDistance } from "./typos.js";

/* Step 1: the words as the index saw them, without stop words. */
export function typedWords(text, query) {
  return text.contentWords(query);
}

/* The words that need the vocabulary: long enough to correct, and their stem not in the index. */
export function needCorrecting(text, typed, knows) {
  return typed.filter((w) => !knows(text.stem(w)) && maxDistance(w) > 0);
}

/* Steps 2 and 3: a word whose stem the index does not know becomes its correction (correct(word):
 * a word or null), then glossary phrases become their canonical word. The terms:
 * [{word, stem, typed, corrected}], ``corrected`` true where the word searched for is not the word typed. */
export function queryTerms(text, synonyms, typed, knows, correct) {
  const corrected = typed.map((w) => (knows(text.stem(w)) ? w : correct(w) || w));
  const stems = corrected.map((w) => text.stem(w));
  const terms = [];
  let position = 0;
  const found = synonyms.matches(stems).concat([[stems.length, stems.length, ""]]);
  for (const [start, end, canonical] of found) {
    for (let i = position; i < start; i++) {
      terms.push({ word: corrected[i], stem: stems[i], typed: typed[i], corrected: corrected[i] !== typed[i] });
    }
    if (canonical) {
      // A glossary phrase: corrected too if one of its words was ('praktijkverklarign').
      const typedPhrase = typed.slice(start, end).join(" ");
      const fixed = corrected.slice(start, end).join(" ") !== typedPhrase;
      terms.push({ word: canonical, stem: text.stem(canonical), typed: typedPhrase, corrected: fixed });
    }
    position = end;
  }
  return terms;
}

/* The stems whose shards a query in the address needs at once, before the vocabulary: its words' stems
 * and those of the canonical words of the glossary phrases among them (a typo's correction waits). */
export function earlyStems(text, synonyms, query) {
  const stems = typedWords(text, query).map((w) => text.stem(w));
  synonyms.matches(stems).forEach((match) => stems.push(text.stem(match[2])));
  return stems;
}

/* What the page says about corrected words, or "". */
export function noteText(terms) {
  const fixed = terms.filter((t) => t.corrected);
  return fixed.length
    ? "Gezocht op: " + fixed.map((t) => "‘" + t.word + "’ (u typte ‘" + t.typed + "’)").join(", ") + "."
    : "";
}

/* The word being typed at the end of the query ("" after a space or hyphen), or null when the query
 * ends in a word that trims to nothing: what Shards.prefetch looks ahead from. */
export function typingPrefix(text, query) {
  const typing = /[^\s-]$/.test(query);
  const last = typing ? text.words(query).pop() : "";
  return !typing || last ? last : null;
}
