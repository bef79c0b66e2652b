// "Mijn selectie" without a page: the stored format, the shared link and the list operations (list.js).
import assert from "node:assert/strict";
import test from "node:test";

import {
  MAX_ITEMS,
  MAX_TITLE,
  STORAGE_KEY,
  cleanTitle,
  isSlug,
  move,
  names,
  parseShared,
  readStored,
  reconcile,
  removeAt,
  serialise,
  shareQuery,
  slugFromPath,
  toggle,
} from "../../scripts/kennisbank/selection/list.js";

const a = { slug: "a", title: "A" };
const b = { slug: "b-2", title: "B" };
const c = { slug: "c", title: "C" };

test("a stored selection survives a round trip, and the key is the site's own", () => {
  const selection = { title: "Overleg 3 december", items: [a, b, c] };
  assert.deepEqual(readStored(serialise(selection)), selection);
  assert.equal(STORAGE_KEY, "kennisbank-selectie");
});

test("junk in storage gives an empty or shorter selection, never an error", () => {
  const empty = { title: "", items: [] };
  for (const raw of [null, undefined, "", "{", "null", "[]", "42", '"x"', '{"v":2,"items":[]}', '{"v":1}']) {
    assert.deepEqual(readStored(raw), empty, String(raw));
  }
  const raw = JSON.stringify({
    v: 1,
    title: "  Twee\nregels\u0000 ",
    items: [a, null, 7, { slug: "<script>" }, { slug: "A" }, { slug: "a", title: "again" }, { slug: "d" }, b],
  });
  assert.deepEqual(readStored(raw), { title: "Twee regels", items: [a, { slug: "d", title: "d" }, b] });
  const many = JSON.stringify({ v: 1, items: Array.from({ length: 500 }, (_, i) => ({ slug: "p" + i })) });
  assert.equal(readStored(many).items.length, MAX_ITEMS);
});

test("titles are one line of limited length", () => {
  assert.equal(cleanTitle("a\tb\r\n c"), "a b c");
  assert.equal(cleanTitle("x".repeat(500)).length, MAX_TITLE);
  assert.equal(cleanTitle(undefined), "");
  assert.equal(cleanTitle({}), "");
});

test("slugs are those of the schema", () => {
  for (const good of ["a", "abc-def", "a1-2b", "x".repeat(80)]) {
    assert.ok(isSlug(good), good);
  }
  for (const bad of ["", "A", "a--b", "-a", "a-", "a b", "a/b", "../a", "x".repeat(81), 5, null]) {
    assert.ok(!isSlug(bad), String(bad));
  }
});

test("a shared link keeps valid slugs in order without repeats and counts the rest", () => {
  assert.deepEqual(parseShared("b,a,b,,c"), { slugs: ["b", "a", "c"], junk: 0, cut: 0 });
  assert.deepEqual(parseShared("a,<script>,../x,%2F, c "), { slugs: ["a", "c"], junk: 3, cut: 0 });
  assert.deepEqual(parseShared(""), { slugs: [], junk: 0, cut: 0 });
  assert.deepEqual(parseShared(null), { slugs: [], junk: 0, cut: 0 });
  const hundreds = Array.from({ length: 300 }, (_, i) => "p" + i).join(",");
  const parsed = parseShared(hundreds);
  assert.equal(parsed.slugs.length, MAX_ITEMS);
  assert.equal(parsed.slugs[0], "p0");
  assert.equal(parsed.cut, 200);
  const huge = parseShared("a,".repeat(1e6));
  assert.deepEqual(huge.slugs, ["a"]);
  assert.ok(huge.cut >= 1);
});

test("the share query round-trips through parseShared", () => {
  const query = shareQuery([a, b, c]);
  assert.equal(query, "p=a,b-2,c");
  assert.deepEqual(parseShared(new URLSearchParams(query).get("p")).slugs, ["a", "b-2", "c"]);
});

test("toggle adds at the end and takes out, without changing its input", () => {
  const items = [a];
  assert.deepEqual(toggle(items, "c", " C "), [a, { slug: "c", title: "C" }]);
  assert.deepEqual(toggle([a, b], "a", "A"), [b]);
  assert.deepEqual(items, [a]);
  assert.deepEqual(toggle(items, "<bad>", "x"), [a]);
  const full = Array.from({ length: MAX_ITEMS }, (_, i) => ({ slug: "p" + i, title: "P" }));
  assert.equal(toggle(full, "new", "N").length, MAX_ITEMS);
  assert.equal(toggle(full, "p3", "P").length, MAX_ITEMS - 1);
});

test("move keeps the item within the list; removeAt takes one out", () => {
  const items = [a, b, c];
  assert.deepEqual(move(items, 2, -1), [a, c, b]);
  assert.deepEqual(move(items, 0, 1), [b, a, c]);
  assert.deepEqual(move(items, 0, -1), [a, b, c]);
  assert.deepEqual(move(items, 2, 1), [a, b, c]);
  assert.deepEqual(move(items, 7, -1), [a, b, c]);
  assert.deepEqual(items, [a, b, c]);
  assert.deepEqual(removeAt(items, 1), [a, c]);
  assert.deepEqual(removeAt(items, 9), [a, b, c]);
});

test("reconcile keeps the site's practices with their current titles and names the others", () => {
  const known = new Map([
    ["a", "A new"],
    ["c", "C"],
  ]);
  assert.deepEqual(reconcile([a, b, c], known), { items: [{ slug: "a", title: "A new" }, c], unknown: ["b-2"] });
});

test("a practice page's address gives its slug, any other page none", () => {
  assert.equal(slugFromPath("/praktijkvoorbeelden/abc-def/"), "abc-def");
  assert.equal(slugFromPath("/kennisbank/praktijkvoorbeelden/abc/index.html"), "abc");
  assert.equal(slugFromPath("/praktijkvoorbeelden/"), "");
  assert.equal(slugFromPath("/themas/nazorg/"), "");
  assert.equal(slugFromPath("/praktijkvoorbeelden/A%20b/"), "");
});

test("names are listed the Dutch way", () => {
  assert.equal(names([]), "");
  assert.equal(names(["a"]), "a");
  assert.equal(names(["a", "b"]), "a en b");
  assert.equal(names(["a", "b", "c"]), "a, b en c");
});
