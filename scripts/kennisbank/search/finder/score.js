/* Scoring: what lunr's Index.query computes, straight from the shard entries, and the ranking of
 * query.py rank() (the score weighed by the share of terms matched, ties in catalogue order).
 *
 * lunr (lunr.js 2.3 and lunr.py alike), for clauses of unique terms with boost 1 in every field:
 * - each field's query vector holds every term with value 1, so its magnitude is sqrt(n);
 * - a field's similarity is dot(query vector, field vector) / magnitude, where dot starts at 0 and
 *   adds 1 * value for the terms both vectors hold, in ascending term index;
 * - a document's score is the sum of its fields' similarities, in the order lunr first met each
 *   (document, field): clause by clause in query order, field by field in the index's field order;
 *   the first one starts the sum.
 * Below: the dot products first (terms by term index), then the sums (clauses in query order). The
 * order of documents within a posting does not matter: it never changes one document's order.
 * tests/js/search.test.mjs compares the scores with lunr.py's, exactly. */

const NONE = [];

/* entries: the shard entry of each of the ``unique`` stems, [term, term index, {field: [[ref, value]]}];
 * fields: the index's fields in order; count: the number of practices. */
export function score(entries, fields, count) {
  const n = entries.length;
  const fieldCount = fields.length;
  const magnitude = Math.sqrt(n);
  const dots = new Float64Array(count * fieldCount);
  const byIndex = entries.slice().sort((a, b) => a[1] - b[1]);
  for (let t = 0; t < byIndex.length; t++) {
    for (let f = 0; f < fieldCount; f++) {
      const pairs = byIndex[t][2][fields[f]] || NONE;
      const offset = f * count;
      for (let k = 0; k < pairs.length; k++) {
        dots[offset + pairs[k][0]] += pairs[k][1];
      }
    }
  }
  const met = new Uint8Array(count * fieldCount);
  const sums = new Float64Array(count);
  const matched = new Uint16Array(count);
  const lastClause = new Int32Array(count);
  const masks = [];
  for (let w = 0; w < Math.ceil(n / 32); w++) {
    masks.push(new Int32Array(count));
  }
  const refsFound = [];
  for (let c = 0; c < n; c++) {
    const bit = 1 << c % 32;
    const mask = masks[c >> 5];
    for (let f = 0; f < fieldCount; f++) {
      const pairs = entries[c][2][fields[f]] || NONE;
      const base = f * count;
      for (let k = 0; k < pairs.length; k++) {
        const ref = pairs[k][0];
        const slot = base + ref;
        if (lastClause[ref] !== c + 1) {
          if (lastClause[ref] === 0) {
            refsFound.push(ref);
          }
          lastClause[ref] = c + 1;
          matched[ref] += 1;
          mask[ref] |= bit;
        }
        if (!met[slot]) {
          met[slot] = 1;
          sums[ref] += dots[slot] / magnitude || 0; // the first: 0 + x is x
        }
      }
    }
  }
  return { refs: refsFound, sums, matched, masks };
}

/* query.tie_key */
export function tieKey(value) {
  return Math.floor(value * 1e9 + 0.5);
}

/* refs by tie (highest first), then ref: one number per hit, -tie * 2^bits + ref, sorted as numbers by
 * the browser itself, as long as these stay exact integers (below 2^53); else with a comparison. */
export function sortByTie(refs, ties, highest, count) {
  const scale = Math.pow(2, Math.ceil(Math.log2(count + 1)));
  const sorted = new Int32Array(refs.length);
  if (highest * scale + scale >= Math.pow(2, 53)) {
    sorted.set(refs);
    return sorted.sort((a, b) => ties[b] - ties[a] || a - b);
  }
  const keys = new Float64Array(refs.length);
  for (let i = 0; i < refs.length; i++) {
    keys[i] = -ties[refs[i]] * scale + refs[i];
  }
  keys.sort();
  for (let i = 0; i < keys.length; i++) {
    sorted[i] = keys[i] - Math.floor(keys[i] / scale) * scale; // scale is a power of two: exact
  }
  return sorted;
}

/* A ranking: refs best first; scores and the stems each practice contains, by ref; and the views of it
 * with a selection of facets made so far (finder.js viewOf). */
export class Ranking {
  constructor(refs, scores, unique, masks) {
    this.refs = refs;
    this.scores = scores;
    this.unique = unique;
    this.masks = masks;
    this.views = new Map();
  }

  /* The stems a practice contains, for marking them. */
  stems(ref) {
    const stems = new Set();
    for (let c = 0; c < this.unique.length; c++) {
      if (this.masks[c >> 5][ref] & (1 << c % 32)) {
        stems.add(this.unique[c]);
      }
    }
    return stems;
  }
}

/* query.rank for the distinct stems the index knows (``unique``, in query order), from their entries. */
export function rank(entries, unique, fields, count) {
  const scored = unique.length ? score(entries, fields, count) : { refs: [], sums: null, matched: null, masks: [] };
  const n = unique.length;
  const found = scored.refs;
  const scores = new Float64Array(count);
  const ties = new Float64Array(count);
  let highest = 0;
  for (let i = 0; i < found.length; i++) {
    const ref = found[i];
    const value = (scored.sums[ref] * scored.matched[ref]) / n;
    scores[ref] = value;
    ties[ref] = tieKey(value);
    highest = Math.max(highest, ties[ref]);
  }
  return new Ranking(sortByTie(found, ties, highest, count), scores, unique, scored.masks);
}

/* Nothing to search for (only stop words): every practice, in catalogue order (query.py). */
export function everything(count) {
  const all = new Int32Array(count);
  for (let ref = 0; ref < count; ref++) {
    all[ref] = ref;
  }
  return new Ranking(all, new Float64Array(count), [], []);
}
