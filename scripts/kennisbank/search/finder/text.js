/* The text pipeline (search/pipeline.py), the glossary synonyms (search/synonyms.py), and which words
 * of a result to mark.
 *
 * The settings come from the finder page (SearchData.query_settings); the stemmer is lunr.nl.js's,
 * handed in by the caller (the page loads it as a script, the node tests with node:vm), so this
 * module runs anywhere. */

export class TextPipeline {
  /* settings: {wordCharacters, loanwordPluralEndings, stopWords}; stemmer: word -> stem. */
  constructor(settings, stemmer) {
    const wc = settings.wordCharacters;
    this.trimRe = new RegExp("^[^" + wc + "]+|[^" + wc + "]+$", "g");
    this.leadRe = new RegExp("^[^" + wc + "]*");
    this.tailRe = new RegExp("[^" + wc + "]*$");
    this.endings = settings.loanwordPluralEndings;
    this.stop = new Set(settings.stopWords);
    this.stemmer = stemmer;
    this.stems = new Map();
  }

  /* pipeline.trim: the word without leading and trailing non-word characters, the plural "'s" and the
   * last letter of a loanword plural in -es. */
  trim(word) {
    word = word.replace(this.trimRe, "");
    if (/['\u2019]s$/.test(word)) {
      word = word.slice(0, -2).replace(this.trimRe, "");
    }
    for (let i = 0; i < this.endings.length; i++) {
      if (word.endsWith(this.endings[i])) {
        return word.slice(0, -1);
      }
    }
    return word;
  }

  /* pipeline.words: lower case, split on white space and hyphens, trimmed; stop words included. */
  words(text) {
    return text
      .toLowerCase()
      .split(/[\s-]+/)
      .map((w) => this.trim(w))
      .filter(Boolean);
  }

  /* The words that are not stop words. */
  contentWords(text) {
    return this.words(text).filter((w) => !this.stop.has(w));
  }

  stem(word) {
    let known = this.stems.get(word);
    if (known === undefined) {
      known = this.stemmer(word);
      this.stems.set(word, known);
    }
    return known;
  }
}

/* synonyms.Synonyms.matches, from the table the page carries: [canonical, stem, stem, ...]. */
export class Synonyms {
  constructor(table) {
    this.phrases = new Map();
    this.first = new Set(); // the stems a phrase starts with: most words start none
    this.longest = 0;
    for (const row of table) {
      const stems = row.slice(1);
      this.phrases.set(stems.join("\u0000"), row[0]);
      this.first.add(stems[0]);
      this.longest = Math.max(this.longest, stems.length);
    }
  }

  /* Phrases in a sequence of stems, longest first, left to right: [start, end, canonical]. */
  matches(stems) {
    const found = [];
    let i = 0;
    while (i < stems.length) {
      if (!this.first.has(stems[i])) {
        i += 1;
        continue;
      }
      let hit = false;
      for (let n = Math.min(this.longest, stems.length - i); n > 0; n--) {
        const canonical = this.phrases.get(stems.slice(i, i + n).join("\u0000"));
        if (canonical !== undefined) {
          found.push([i, i + n, canonical]);
          i += n;
          hit = true;
          break;
        }
      }
      if (!hit) {
        i += 1;
      }
    }
    return found;
  }
}

/* ---- marking: the words whose stem the practice matched, and the words of a glossary phrase whose
 * canonical word it matched ---- */

/* value: the text; stems: a Set of the matched stems. The text in pieces, alternately plain and marked:
 * [plain, marked, plain, marked, ..., plain] (plain pieces may be ""); joined, they give ``value``.
 * A marked word loses its leading and trailing punctuation to the plain pieces around it. */
export function markedPieces(value, stems, text, synonyms) {
  const parts = value.split(/([\s-]+)/);
  const marked = new Array(parts.length).fill(false);
  const content = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      return;
    }
    const word = text.trim(part.toLowerCase());
    if (!word || text.stop.has(word)) {
      return;
    }
    const stem = text.stem(word);
    content.push({ part: i, stem });
    if (stems.has(stem)) {
      marked[i] = true;
    }
  });
  synonyms.matches(content.map((c) => c.stem)).forEach(([start, end, canonical]) => {
    if (stems.has(text.stem(canonical))) {
      for (let k = start; k < end; k++) {
        marked[content[k].part] = true;
      }
    }
  });
  const pieces = [];
  let plain = "";
  parts.forEach((part, i) => {
    if (!marked[i]) {
      plain += part;
      return;
    }
    const lead = part.match(text.leadRe)[0].length;
    const tail = part.slice(lead).match(text.tailRe)[0].length;
    pieces.push(plain + part.slice(0, lead), part.slice(lead, part.length - tail));
    plain = part.slice(part.length - tail);
  });
  pieces.push(plain);
  return pieces;
}
