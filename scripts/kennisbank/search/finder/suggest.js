/* When nothing matches: the vocabulary labels nearest to the words typed (themes, target groups,
 * regions, ...), to offer as filters. Pure: the finder page turns them into links. */

import { editDistance } from "./query.js";

/* How far apart a typed word and a label's word are: their edit distance (up to 3), or 1 when one
 * starts with the first four letters of the other ('jongerenpart' and 'jongerenparticipatie'). */
export function wordDistance(typed, word) {
  const head = Math.min(4, typed.length, word.length);
  if (head >= 4 && (word.startsWith(typed.slice(0, head)) || typed.startsWith(word.slice(0, head)))) {
    return 1;
  }
  const limit = typed.length >= 8 ? 3 : typed.length >= 5 ? 2 : 1;
  return editDistance(typed, word, limit);
}

/* facets: the Facets (facets.js); typed: the words typed (text.words, stop words out); text: the
 * TextPipeline. The nearest labels, at most ``limit``: [{attribute, id, name}], nearest first, then in
 * facet and vocabulary order; only labels within reach of a word. */
export function nearestLabels(facets, typed, text, limit) {
  const found = [];
  facets.list.forEach((facet, f) => {
    facet.ids.forEach((id, position) => {
      const name = facet.names.get(id);
      const words = text.contentWords(name);
      let best = Infinity;
      typed.forEach((t) => {
        words.forEach((w) => {
          const limitFor = t.length >= 8 ? 3 : t.length >= 5 ? 2 : 1;
          const d = wordDistance(t, w);
          if (d <= limitFor && d < best) {
            best = d;
          }
        });
      });
      if (best !== Infinity) {
        found.push({ attribute: facet.attribute, id, name, distance: best, order: f * 100000 + position });
      }
    });
  });
  const seen = new Set();
  return found
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .filter((label) => !seen.has(label.name) && seen.add(label.name))
    .slice(0, limit)
    .map(({ attribute, id, name }) => ({ attribute, id, name }));
}
