/* From what a professional types to the query's terms: query.py analyse(), in steps, so the caller
 * can fetch what each step needs (the shards of the typed words, the vocabulary for a typo) between
 * them. text: a TextPipeline; synonyms: a Synonyms. */

/* expand.py, the constants. */
export const MIN_COMPOUND_STEM = 5;
export const MIN_PART = 4;
export const MIN_PREFIX = 3;
export const MAX_EXPANSIONS = 15;
export const EXPANSION_BOOST = 0.5;
const LINKING = ["", "s", "e", "en"];

/* query.typing_last: the last word is still being typed (prefix asked for, no space or hyphen after it). */
export function typingLast(text, query, prefix) {
  const all = text.words(query);
  return Boolean(prefix) && /[^\s-]$/.test(query) && all.length > 0 && !text.stop.has(all[all.length - 1]);
}

/* expand.prefixes: the prefixes whose index terms a word reaches. */
export function prefixes(text, word, typing) {
  const found = [];
  const stem = text.stem(word);
  if (stem.length >= MIN_COMPOUND_STEM) {
    found.push(stem);
  }
  if (typing && word.length >= MIN_PREFIX) {
    // The stemmer writes a long vowel single before a final consonant: 'werkloo' also as 'werklo'.
    const typedForms = /(aa|ee|oo|uu)$/.test(word) ? [word, word.slice(0, -1)] : [word];
    typedForms.forEach((typed) => {
      if (found.indexOf(typed) === -1) {
        found.push(typed);
      }
    });
  }
  return found;
}

/* expand.split_candidates: the first parts a compound may have, longest first. */
export function splitCandidates(word) {
  if (/[0-9]/.test(word)) {
    return [];
  }
  const found = [];
  for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
    found.push(word.slice(0, i));
  }
  return found;
}

/* expand.rests: what may follow ``first`` after a linking s, e or en. */
export function rests(word, first) {
  const rest = word.slice(first.length);
  return LINKING.filter((link) => rest.startsWith(link) && rest.length - link.length >= MIN_PART).map((link) =>
    rest.slice(link.length)
  );
}

/* Step 1: the words as the index saw them, without stop words. */
export function typedWords(text, query) {
  return text.contentWords(query);
}

/* The words that need the vocabulary: long enough to correct, and reaching no index term (more[i]: the
 * other terms word i reaches). */
export function needCorrecting(text, typed, knows, more) {
  return typed.filter((w, i) => !knows(text.stem(w)) && !more[i].length && maxDistance(w) > 0);
}

/* Step 3, after the words are corrected or split (found[i] = {word: as corrected, more: the other index
 * terms it reaches, parts: what it was split into}): glossary phrases become their canonical word. The
 * terms: [{word, stem, typed, expansions, corrected, split}], ``corrected`` true where the word searched
 * for is not the word typed, ``split`` where it is the parts of a compound. */
export function queryTerms(text, synonyms, typed, found) {
  const corrected = found.map((f) => f.word);
  const stems = corrected.map((w) => text.stem(w));
  const terms = [];
  let position = 0;
  const phrases = synonyms.matches(stems).concat([[stems.length, stems.length, ""]]);
  for (const [start, end, canonical] of phrases) {
    for (let i = position; i < start; i++) {
      const split = found[i].parts.length > 0;
      const word = split ? found[i].parts.join(" ") : corrected[i];
      const more = found[i].more;
      terms.push({ word, stem: stems[i], typed: typed[i], expansions: more, corrected: word !== typed[i], split });
    }
    if (canonical) {
      // A glossary phrase: corrected too if one of its words was ('praktijkverklarign').
      const typedPhrase = typed.slice(start, end).join(" ");
      const fixed = corrected.slice(start, end).join(" ") !== typedPhrase;
      const stem = text.stem(canonical);
      terms.push({ word: canonical, stem, typed: typedPhrase, expansions: [], corrected: fixed, split: false });
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

/* The prefixes whose terms the query in the address reaches (``prefixes`` of each word, the last as typed):
 * the page asks for their shards at once, before the core arrives, instead of walking them one by one. */
export function earlyPrefixes(text, query) {
  const typed = typedWords(text, query);
  const typing = typingLast(text, query, true);
  return [].concat(...typed.map((w, i) => prefixes(text, w, typing && i === typed.length - 1)));
}

/* What the page says about corrected or split words and words that match nothing (``unmatched``: terms),
 * or "". */
export function noteText(terms, unmatched) {
  const quote = (t) => "‘" + t.word + "’" + (t.corrected ? " (u typte ‘" + t.typed + "’)" : "");
  const missing = unmatched || [];
  const searched = terms.filter((t) => missing.indexOf(t) === -1);
  if (missing.length) {
    const none = "Geen resultaat voor " + missing.map((t) => "‘" + t.typed + "’").join(", ");
    return none + (searched.length ? "; gezocht op: " + searched.map(quote).join(", ") : "") + ".";
  }
  const fixed = terms.filter((t) => t.corrected);
  return fixed.length ? "Gezocht op: " + fixed.map(quote).join(", ") + "." : "";
}

/* What Shards.prefetch looks ahead from: "" when the query ends in a space or hyphen, else its last
 * word; null when it has no word at all. */
export function typingPrefix(text, query) {
  const typing = /[^\s-]$/.test(query);
  const last = typing ? text.words(query).pop() : "";
  return !typing || last ? last : null;
}

/* ---- typo correction: query.py max_distance, edit_distance and correct, over the surface vocabulary ---- */

export function maxDistance(word) {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/* Optimal string alignment distance, or limit + 1 if larger; rows: three reusable Int32Arrays of at
 * least b.length + 1 (made here when not given). */
export function editDistance(a, b, limit, rows) {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  if (!rows) {
    rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  }
  let previous2 = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= b.length; j++) {
    previous[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let lowest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      current[j] = value;
      if (value < lowest) {
        lowest = value;
      }
    }
    if (lowest > limit) {
      return limit + 1;
    }
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length];
}

/* Which characters a word has, as bits (a-z one each, others shared): an edit changes at most two
 * of them, so words whose bits differ in more than 2 * limit places are too far apart to check. */
export function letterBits(word) {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    bits |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
  }
  return bits;
}

function bitCount(bits) {
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/* The surface vocabulary, most frequent first; corrections are remembered per word. */
export class Vocabulary {
  constructor(words) {
    this.words = words;
    this.lengths = new Uint16Array(words.length);
    this.bits = new Int32Array(words.length);
    let longest = 0;
    for (let i = 0; i < words.length; i++) {
      this.lengths[i] = words[i].length;
      this.bits[i] = letterBits(words[i]);
      longest = Math.max(longest, words[i].length);
    }
    this.longest = longest;
    this.corrections = new Map();
  }

  /* query.py correct(): the first word in vocabulary order at distance 1 or less, else the first at the
   * smallest distance within the limit; null if none. Words that cannot be within the limit (by length,
   * or by the characters they have) are skipped without computing their distance. */
  correct(word) {
    const limit = maxDistance(word);
    if (limit === 0 || /[0-9]/.test(word)) {
      return null;
    }
    if (this.corrections.has(word)) {
      return this.corrections.get(word);
    }
    const size = Math.max(this.longest, word.length) + 1;
    const rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    let best = null;
    let bestDistance = limit + 1;
    const length = word.length;
    const bits = letterBits(word);
    for (let i = 0; i < this.words.length; i++) {
      if (Math.abs(this.lengths[i] - length) > limit || bitCount(this.bits[i] ^ bits) > 2 * limit) {
        continue; // editDistance would say limit + 1
      }
      const distance = editDistance(word, this.words[i], limit, rows);
      if (distance < bestDistance) {
        best = this.words[i];
        bestDistance = distance;
        if (distance <= 1) {
          break;
        }
      }
    }
    this.corrections.set(word, best);
    return best;
  }
}
