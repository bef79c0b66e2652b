/* The search (query.py Searcher, for the browser): from a query to its terms and a ranking, fetching
 * only the data the query needs. No DOM: the node tests run it on the data files the site ships.
 *
 * getJSON(name): a promise of the parsed data file; names: {words, pages} (the page's data-finder). */

import { Facets } from "./facets.js";
import {
  EXPANSION_BOOST,
  MAX_EXPANSIONS,
  Vocabulary,
  needCorrecting,
  prefixes,
  queryTerms,
  rests,
  splitCandidates,
  typedWords,
  typingLast,
  typingPrefix,
} from "./query.js";
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

  /* The first terms of the index that start with each prefix (expand.starting_with), in turn. */
  async startingWith(prefixList) {
    const lists = await Promise.all(prefixList.map((p) => this.shards.startingWith(p, MAX_EXPANSIONS)));
    return [].concat(...lists);
  }

  /* expand.reached: the other index terms a word reaches by its prefixes. */
  async reached(word, typing) {
    const own = this.text.stem(word);
    const found = await this.startingWith(prefixes(this.text, word, typing));
    return Array.from(new Set(found)).filter((t) => t !== own);
  }

  /* expand.split, fetching the shards of the candidate parts' stems. */
  async split(word) {
    const text = this.text;
    const knows = (w) => this.shards.knows(text.stem(w));
    const candidates = splitCandidates(word);
    await this.shards.ensure(candidates.map((c) => text.stem(c)));
    const firsts = candidates.filter(knows);
    const after = firsts.map((first) => rests(word, first));
    await this.shards.ensure([].concat(...after).map((r) => text.stem(r)));
    for (let i = 0; i < firsts.length; i++) {
      const known = after[i].filter(knows);
      if (known.length) {
        return [firsts[i], known[0]];
      }
    }
    return firsts.slice(0, 1);
  }

  /* expand.part_terms */
  async partTerms(parts) {
    const found = [];
    for (const part of parts) {
      found.push(this.text.stem(part));
      found.push(...(await this.startingWith(prefixes(this.text, part, false))));
    }
    return Array.from(new Set(found));
  }

  /* The query's terms (query.py analyse). The shards, and the vocabulary when a word needs correcting,
   * are fetched only when missing, so a query on loaded data never waits for a timer or a request. */
  async analyse(query, prefix) {
    const text = this.text;
    const knows = (stem) => this.shards.knows(stem);
    const typed = typedWords(text, query);
    let loading = this.shards.ensure(typed.map((w) => text.stem(w)));
    const typing = typingLast(text, query, prefix);
    const isTyping = (i) => typing && i === typed.length - 1;
    // The words' prefixes are looked up while their own shards come in, not after: two round trips become one.
    const reaching = Promise.all(typed.map((w, i) => this.reached(w, isTyping(i))));
    reaching.catch(() => {}); // a failure is reported by the await below, or by the one on ``loading``
    if (loading) {
      await loading;
    }
    const more = await reaching;
    if (needCorrecting(text, typed, knows, more).length && !this.words) {
      await this.vocabulary().catch(() => {}); // without it, no corrections
    }
    const found = [];
    for (let i = 0; i < typed.length; i++) {
      const own = text.stem(typed[i]);
      const entry = { word: typed[i], more: more[i], parts: [] };
      if (!knows(own)) {
        const fixed = entry.more.length ? null : this.words && this.words.correct(typed[i]);
        if (fixed) {
          entry.word = fixed;
        } else {
          entry.parts = await this.split(typed[i]);
          const all = entry.more.concat(await this.partTerms(entry.parts));
          entry.more = Array.from(new Set(all)).filter((t) => t !== own);
        }
      }
      found.push(entry);
    }
    const terms = queryTerms(text, this.synonyms, typed, found);
    loading = this.shards.ensure(terms.map((t) => t.stem));
    if (loading) {
      await loading;
    }
    return terms;
  }

  /* The words that match nothing (query.py Searcher.unmatched). */
  unmatched(terms) {
    return terms.filter((t) => ![t.stem].concat(t.expansions).some((s) => this.shards.knows(s)));
  }

  /* The ranking of these terms (query.rank), from the last few when it is among them. */
  rank(terms) {
    const knows = (s) => this.shards.knows(s);
    const boosts = new Map();
    const groups = new Map();
    terms.forEach((term) => {
      const group = [term.stem].concat(term.expansions).filter(knows);
      group.forEach((t) => {
        boosts.set(t, Math.max(boosts.get(t) || 0, t === term.stem ? 1 : EXPANSION_BOOST));
      });
      if (group.length) {
        groups.set(group.join("\u0000"), group);
      }
    });
    const unique = Array.from(boosts.keys());
    const boostList = unique.map((t) => boosts.get(t));
    const groupList = Array.from(groups.values(), (group) => group.map((t) => unique.indexOf(t)));
    const key = JSON.stringify([unique, boostList, groupList]);
    const known = this.rankings.get(key);
    if (known) {
      this.rankings.delete(key); // the same terms in the same order: the same ranking; now the newest
      this.rankings.set(key, known);
      return known;
    }
    const entries = unique.map((term) => this.shards.entries.get(term));
    const ranking = rank(entries, unique, boostList, groupList, this.shards.fields, this.count);
    this.rankings.set(key, ranking);
    if (this.rankings.size > RANKINGS_KEPT) {
      this.rankings.delete(this.rankings.keys().next().value);
    }
    return ranking;
  }

  /* {terms, ranking, unmatched}: every practice in catalogue order when there is nothing to search for. */
  async search(query, prefix) {
    const terms = await this.analyse(query, prefix);
    if (!terms.length) {
      if (!this.everything) {
        this.everything = everything(this.count);
      }
      return { terms, ranking: this.everything, unmatched: [] };
    }
    return { terms, ranking: this.rank(terms), unmatched: this.unmatched(terms) };
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
    return this.shards.prefetch(
      prefix,
      this.words.words,
      this.shards.termList,
      (w) => this.text.stem(w),
      (w) => prefixes(this.text, w, true),
      MAX_EXPANSIONS
    );
  }
}
