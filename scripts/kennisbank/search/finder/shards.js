/* The data a query waits for, each file fetched once: the sharded index (search/shards.py), and the
 * result texts in blocks of consecutive practices (search/index.py text_blocks); a shown result waits
 * only for its own block.
 *
 * getJSON(name) is handed in: a promise of the parsed file (the page fetches it from assets/finder/,
 * the node tests read it from the cases file). */

/* Where ``value`` goes in the ``sorted`` list: before the items equal to it (Python's bisect_left), or
 * with ``after`` behind them (bisect_right). */
export function bisect(sorted, value, after = false) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after ? value < sorted[mid] : !(sorted[mid] < value)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

/* The position of the last of the sorted ``firsts`` at or before ``value`` (bisect_right - 1). */
export function lastAtOrBefore(firsts, value) {
  return bisect(firsts, value, true) - 1;
}

export class Shards {
  /* manifest: the page's data-finder "index": {fields, shards (first terms), files}. */
  constructor(manifest, getJSON) {
    this.manifest = manifest;
    this.fields = manifest.fields;
    this.getJSON = getJSON;
    this.entries = new Map();
    this.lists = new Map(); // shard number -> its entries, sorted by term
    this.loading = new Map();
    this.terms = null; // every term of the index, once words.json is here: no shard for a non-term
    this.termList = null; // the same, sorted
  }

  /* shards.ShardedIndex.shard_of */
  shardOf(term) {
    return Math.max(0, lastAtOrBefore(this.manifest.shards, term));
  }

  /* A promise; null once the shard is here. */
  load(number) {
    if (!this.loading.has(number)) {
      this.loading.set(
        number,
        this.getJSON(this.manifest.files[number]).then(
          (entries) => {
            entries.forEach((entry) => this.entries.set(entry[0], entry));
            this.lists.set(number, entries);
            this.loading.set(number, null);
          },
          (error) => {
            this.loading.delete(number); // try again on the next query
            throw error;
          }
        )
      );
    }
    return this.loading.get(number);
  }

  /* A promise, or null when every shard these terms need is here already. */
  ensure(terms) {
    const pending = [];
    terms.forEach((term) => {
      if (this.terms && !this.terms.has(term)) {
        return;
      }
      const loading = this.load(this.shardOf(term));
      if (loading && pending.indexOf(loading) === -1) {
        pending.push(loading);
      }
    });
    return pending.length ? Promise.all(pending) : null;
  }

  /* While a query is being typed: the shards the next keystrokes are likely to need, without waiting
   * for them. prefix: the word being typed ("" after a space); words: the vocabulary, most frequent
   * first; termList: the index's terms, sorted; stem: word -> stem; reach: word -> the prefixes whose
   * terms it reaches while being typed (query.js prefixes). First the shards of the first ``max`` terms
   * the likeliest next word reaches (the vocabulary's most frequent longer form, cut one letter longer:
   * a prefix waits for all of them), then the terms one letter longer than the prefix (the next
   * keystroke's own word, if it is a term: after a space, the one-letter terms), then where the most
   * frequent longer forms are (their stems, and the prefix one letter longer). At most ``limit`` new
   * requests; the shard numbers asked for. */
  prefetch(prefix, words, termList, stem, reach = () => [], max = 0, limit = 6) {
    const numbers = [];
    const likeliest = prefix ? words.find((word) => word.length > prefix.length && word.startsWith(prefix)) : undefined;
    if (likeliest !== undefined) {
      reach(likeliest.slice(0, prefix.length + 1)).forEach((start) => {
        const first = bisect(termList, start);
        for (let t = first; t < first + max && t < termList.length && termList[t].startsWith(start); t++) {
          numbers.push(this.shardOf(termList[t]));
        }
      });
    }
    for (let t = bisect(termList, prefix); t < termList.length && termList[t].startsWith(prefix); t++) {
      if (termList[t].length === prefix.length + 1) {
        numbers.push(this.shardOf(termList[t]));
      }
    }
    for (let i = 0; prefix && i < words.length && numbers.length < 16; i++) {
      if (words[i].length > prefix.length && words[i].startsWith(prefix)) {
        numbers.push(this.shardOf(words[i].slice(0, prefix.length + 1)), this.shardOf(stem(words[i])));
      }
    }
    const started = [];
    for (let n = 0; n < numbers.length && started.length < limit; n++) {
      if (!this.loading.has(numbers[n])) {
        this.load(numbers[n]).catch(() => {});
        started.push(numbers[n]);
      }
    }
    return started;
  }

  /* Start fetching the shards that ``startingWith(prefix)`` walks through, at most ``most`` of them: the
   * prefix's own shard and those after it whose first term starts with the prefix. */
  loadStartingWith(prefix, most) {
    const firsts = this.manifest.shards;
    const started = [];
    for (let n = this.shardOf(prefix); n < firsts.length && started.length < most; n++) {
      if (started.length && !firsts[n].startsWith(prefix)) {
        break;
      }
      const loading = this.load(n);
      if (loading) {
        loading.catch(() => {}); // the walk asks again, and reports it
      }
      started.push(n);
    }
    return started;
  }

  /* expand.starting_with: the first ``max`` terms of the index that start with ``prefix``, in sorted
   * order, from the shard of the prefix on (the terms are sorted across the shards too). */
  async startingWith(prefix, max) {
    const found = [];
    const firsts = this.manifest.shards;
    if (this.termList) {
      // The index's terms are here (words.json): the answer is read from them, and the shards of the
      // terms found are asked for all at once, instead of one after the other as the walk below does.
      const terms = this.termList;
      for (let at = bisect(terms, prefix); at < terms.length && found.length < max && terms[at].startsWith(prefix); at++) {
        found.push(terms[at]);
      }
      await this.ensure(found);
      return found;
    }
    for (let n = this.shardOf(prefix); n < firsts.length; n++) {
      const loading = this.load(n);
      if (loading) {
        await loading;
      }
      for (const entry of this.lists.get(n)) {
        if (entry[0].startsWith(prefix)) {
          if (found.length === max) {
            return found;
          }
          found.push(entry[0]);
        } else if (entry[0] > prefix) {
          return found;
        }
      }
      if (n + 1 < firsts.length && !firsts[n + 1].startsWith(prefix)) {
        return found;
      }
    }
    return found;
  }

  knows(term) {
    return this.entries.has(term);
  }
}

/* ---- the result texts, in blocks ---- */

export class Texts {
  /* manifest: the page's data-finder "texts": {starts, files}. */
  constructor(manifest, getJSON) {
    this.starts = manifest.starts;
    this.files = manifest.files;
    this.getJSON = getJSON;
    this.blocks = new Array(this.files.length).fill(null);
    this.loading = new Array(this.files.length).fill(null);
  }

  blockOf(ref) {
    return lastAtOrBefore(this.starts, ref);
  }

  load(number) {
    if (!this.loading[number]) {
      this.loading[number] = this.getJSON(this.files[number]).then(
        (block) => {
          this.blocks[number] = block;
        },
        (error) => {
          this.loading[number] = null; // try again when it is needed
          throw error;
        }
      );
    }
    return this.loading[number];
  }

  /* Start fetching every block: a first page of results touches nearly all of them. */
  loadAll() {
    for (let i = 0; i < this.files.length; i++) {
      this.load(i).catch(() => {});
    }
  }

  /* A promise, or null when the texts of these practices (refs) are here already. */
  ensure(refs) {
    const pending = [];
    for (let i = 0; i < refs.length; i++) {
      const number = this.blockOf(refs[i]);
      if (!this.blocks[number] && pending.indexOf(number) === -1) {
        pending.push(number);
      }
    }
    return pending.length ? Promise.all(pending.map((number) => this.load(number))) : null;
  }

  get(ref) {
    const number = this.blockOf(ref);
    const block = this.blocks[number];
    const i = ref - this.starts[number];
    return { slug: block.slugs[i], title: block.titles[i], summary: block.summaries[i] };
  }
}
