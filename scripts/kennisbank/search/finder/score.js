/* Scoring: what lunr's Index.query computes, straight from the shard entries, and the ranking of
 * query.py rank() (the score weighed by the share of query words matched, ties in catalogue order).
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

/* entries: the shard entry of each of the ``unique`` terms, [term, term index, {field: [ref, value, ref,
 * value, ...]}]; boosts: each clause's boost (1 or 0.5: the products stay exact, and so does the query
 * vector's magnitude, the root of the sum of their squares); fields: the index's fields in order; count:
 * the number of practices. */
export function score(entries, boosts, fields, count) {
  const n = entries.length;
  const fieldCount = fields.length;
  let squares = 0;
  for (let c = 0; c < n; c++) {
    squares += boosts[c] * boosts[c];
  }
  const magnitude = Math.sqrt(squares);
  // postings[c * fieldCount + f]: clause c's postings in field f, looked up once
  const postings = [];
  for (let c = 0; c < n; c++) {
    for (let f = 0; f < fieldCount; f++) {
      postings.push(entries[c][2][fields[f]] || NONE);
    }
  }
  const byIndex = [];
  for (let c = 0; c < n; c++) {
    byIndex.push(c);
  }
  byIndex.sort((a, b) => entries[a][1] - entries[b][1]);
  const dots = new Float64Array(count * fieldCount);
  for (let t = 0; t < n; t++) {
    const c = byIndex[t];
    const boost = boosts[c];
    for (let f = 0; f < fieldCount; f++) {
      const flat = postings[c * fieldCount + f];
      const offset = f * count;
      for (let k = 0; k < flat.length; k += 2) {
        dots[offset + flat[k]] += boost * flat[k + 1];
      }
    }
  }
  const met = new Uint8Array(count * fieldCount);
  const sums = new Float64Array(count);
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
      const flat = postings[c * fieldCount + f];
      const base = f * count;
      for (let k = 0; k < flat.length; k += 2) {
        const ref = flat[k];
        const slot = base + ref;
        if (lastClause[ref] !== c + 1) {
          if (lastClause[ref] === 0) {
            refsFound.push(ref);
          }
          lastClause[ref] = c + 1;
          mask[ref] |= bit;
        }
        if (!met[slot]) {
          met[slot] = 1;
          sums[ref] += dots[slot] / magnitude || 0; // the first: 0 + x is x
        }
      }
    }
  }
  return { refs: refsFound, sums, masks };
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

/* query.rank for the distinct terms the index knows (``unique``, in query order), from their entries, with
 * their boosts; groups: per query word, the positions in ``unique`` of its terms: a practice's score is
 * weighed by the share of groups it has a term of. */
export function rank(entries, unique, boosts, groups, fields, count) {
  const scored = unique.length ? score(entries, boosts, fields, count) : { refs: [], sums: null, masks: [] };
  const n = groups.length;
  const found = scored.refs;
  const scores = new Float64Array(count);
  const ties = new Float64Array(count);
  // Each group as the bits of its terms in the masks: [mask number, bits, mask number, bits, ...]
  const groupBits = groups.map((group) => {
    const bits = new Map();
    group.forEach((c) => bits.set(c >> 5, (bits.get(c >> 5) || 0) | (1 << c % 32)));
    return [].concat(...bits);
  });
  const masks = scored.masks;
  let highest = 0;
  for (let i = 0; i < found.length; i++) {
    const ref = found[i];
    let matched = 0; // the groups with a term in this practice
    for (let g = 0; g < n; g++) {
      const bits = groupBits[g];
      for (let w = 0; w < bits.length; w += 2) {
        if (masks[bits[w]][ref] & bits[w + 1]) {
          matched++;
          break;
        }
      }
    }
    const value = (scored.sums[ref] * matched) / n;
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
