/* Which words of a result's title or summary to mark: those whose stem the practice matched, and the
 * words of a glossary phrase whose canonical word it matched. */

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
