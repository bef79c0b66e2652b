/* The search (query.py Searcher, for the browser): from a query to its terms and a ranking, fetching
 * only the data the query needs. No DOM: the node tests run it on the data files the site ships.
 *
 * getJSON(name): a promise of the parsed data file; names: {words, pages} (the page's data-finder). */

import { Facets } from "./facets.js";
import { Vocabulary, needCorrecting, queryTerms, typedWords, typingPrefix } from "./query.js";
import { everything, rank } from "./score.js";

const RANKINGS_KEPT = 8;

export class Finder {
  /* core: data.json; parts: {text, synonyms, shards, texts, pagesEarly}, made from the page's data
   * before the core arrives (pagesEarly: a promise of pages.json asked for early, or null). */
  constructor(core, parts, getJSON, names) {
    this.count = core.count;
    this.text = parts.text;
    this.synonyms = parts.synonyms;
    this.shards = parts.shards;
    this.texts = parts.texts;
    this.pagesEarly = parts.pagesEarly || null;
    this.getJSON = getJSON;
    this.names = names;
    this.facets = new Facets(core);
    this.words = null; // the Vocabulary, once words.json is here
    this.wordsLoading = null;
    this.pages = null; // pages.json, once it is here
    this.pagesLoading = null;
    this.everything = null;
    this.rankings = new Map(); // the last few rankings by their stems: typing back and forth reuses them
  }

  /* words.json: the vocabulary for typo correction and the index's terms. */
  vocabulary() {
    if (!this.wordsLoading) {
      this.wordsLoading = this.getJSON(this.names.words).then(
        (words) => {
          this.words = new Vocabulary(words.vocabulary);
          this.shards.terms = new Set(words.terms);
          this.shards.termList = words.terms;
        },
        (error) => {
          this.wordsLoading = null;
          throw error;
        }
      );
    }
    return this.wordsLoading;
  }

  /* pages.json: the site's other pages by their stems (search/site_pages.py), after the first results. */
  sitePages() {
    if (!this.pagesLoading) {
      const early = this.pagesEarly;
      this.pagesEarly = null; // after a failure, ask again
      this.pagesLoading = (early || this.getJSON(this.names.pages)).then(
        (pages) => {
          this.pages = pages;
          return pages;
        },
        (error) => {
          this.pagesLoading = null;
          throw error;
        }
      );
    }
    return this.pagesLoading;
  }

  /* The query's terms (query.py analyse). The shards, and the vocabulary when a word needs correcting,
   * are fetched only when missing, so a query on loaded data never waits for a timer or a request. */
  async analyse(query) {
    const text = this.text;
    const knows = (stem) => this.shards.knows(stem);
    const typed = typedWords(text, query);
    let loading = this.shards.ensure(typed.map((w) => text.stem(w)));
    if (loading) {
      await loading;
    }
    if (needCorrecting(text, typed, knows).length && !this.words) {
      await this.vocabulary().catch(() => {}); // without it, no corrections
    }
    const terms = queryTerms(text, this.synonyms, typed, knows, (w) => this.words && this.words.correct(w));
    loading = this.shards.ensure(terms.map((t) => t.stem));
    if (loading) {
      await loading;
    }
    return terms;
  }

  /* The ranking of these stems (query.rank), from the last few when it is among them. */
  rank(stems) {
    const unique = Array.from(new Set(stems)).filter((s) => this.shards.knows(s));
    const key = unique.join("\u0000");
    const known = this.rankings.get(key);
    if (known) {
      this.rankings.delete(key); // the same stems in the same order: the same ranking; now the newest
      this.rankings.set(key, known);
      return known;
    }
    const entries = unique.map((term) => this.shards.entries.get(term));
    const ranking = rank(entries, unique, this.shards.fields, this.count);
    this.rankings.set(key, ranking);
    if (this.rankings.size > RANKINGS_KEPT) {
      this.rankings.delete(this.rankings.keys().next().value);
    }
    return ranking;
  }

  /* {terms, ranking}: every practice in catalogue order when there is nothing to search for. */
  async search(query) {
    const terms = await this.analyse(query);
    if (!terms.length) {
      if (!this.everything) {
        this.everything = everything(this.count);
      }
      return { terms, ranking: this.everything };
    }
    return { terms, ranking: this.rank(terms.map((t) => t.stem)) };
  }

  /* While a query is being typed, after its results are shown: the shards the next keystrokes will
   * likely need (Shards.prefetch), once the vocabulary is here. The shard numbers asked for. */
  prefetch(query) {
    if (!this.words) {
      return [];
    }
    const prefix = typingPrefix(this.text, query);
    if (prefix === null) {
      return [];
    }
    return this.shards.prefetch(prefix, this.words.words, this.shards.termList, (w) => this.text.stem(w));
  }
}
