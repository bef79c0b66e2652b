/* The text pipeline (search/pipeline.py) and the glossary synonyms (search/synonyms.py).
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
