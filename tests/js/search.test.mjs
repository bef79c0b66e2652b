// Scores and rankings against lunr.py (query.Searcher) on the shards the site ships, and how the
// finder loads them: only the shards a query needs, each once, again after a failure.
import assert from "node:assert/strict";
import test from "node:test";

import { sortByTie, tieKey } from "../../scripts/kennisbank/search/finder/score.js";
import { cases, dataFiles, makeFinder } from "./helpers.mjs";

function hits(ranking) {
  return Array.from(ranking.refs, (ref) => [ref, ranking.scores[ref]]);
}

test("every hit, every score, to the last bit, in the same order as kennisbank search", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  let compared = 0;
  for (const c of cases.queries) {
    const found = await finder.search(c.query);
    assert.deepEqual(hits(found.ranking), c.results, c.query);
    assert.deepEqual(
      found.unmatched.map((t) => t.typed),
      c.unmatched,
      c.query
    );
    compared += c.results.length;
  }
  assert.ok(compared > 100, compared);
});

test("as typed (kennisbank search --prefix): the last word is the start of a word, scores to the last bit", async () => {
  // Fresh, shared, and with the index's terms here (words.json): then the prefix is read from the term
  // list and its shards are asked for at once, instead of walking the shards one by one.
  for (const mode of ["shared", "fresh", "terms"]) {
    const finder = makeFinder(dataFiles().getJSON);
    if (mode === "terms") {
      await finder.vocabulary();
    }
    for (const c of cases.prefixQueries) {
      const found = await (mode === "fresh" ? makeFinder(dataFiles().getJSON) : finder).search(c.query, true);
      assert.deepEqual(hits(found.ranking), c.results, c.query);
      assert.deepEqual(
        found.unmatched.map((t) => t.typed),
        c.unmatched,
        c.query
      );
    }
  }
  // A half word finds what the whole word finds, and more: 'heftr' finds the heftruck certificate.
  const half = cases.prefixQueries.find((c) => c.query === "heftr");
  const whole = cases.queries.find((c) => c.query === "heftruck");
  assert.ok(half.results.length > 0);
  assert.deepEqual(
    half.results.map((r) => r[0]).sort(),
    whole.results.map((r) => r[0]).sort()
  );
});

test("a compound: a word finds it inside a compound, and a compound the index lacks finds its parts", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const heftruck = await finder.search("heftruck");
  const certificate = cases.queries.find((c) => c.query === "heftruck certificaat").results[0][0];
  assert.ok(Array.from(heftruck.ranking.refs).includes(certificate));
  const split = await finder.analyse("heftruckstage");
  assert.equal(split[0].word, "heftruck stage");
  const nazorg = await finder.search("nazorg");
  const traject = await finder.search("nazorgtraject");
  assert.deepEqual(Array.from(traject.ranking.refs).sort(), Array.from(nazorg.ranking.refs).sort());
  // Too short a rest is no part: 'kampen' stays itself, and matches nothing.
  assert.deepEqual((await finder.analyse("kampen")).map((t) => t.word), ["kampen"]);
});

test("the same scores from a finder that starts afresh for each query", async () => {
  for (const c of cases.queries) {
    const found = await makeFinder(dataFiles().getJSON).search(c.query);
    assert.deepEqual(hits(found.ranking), c.results, c.query);
  }
});

test("a query fetches only the shards of its terms, each once", async () => {
  const files = dataFiles();
  const finder = makeFinder(files.getJSON);
  await finder.search("nazorg");
  const shard = finder.shards.shardOf("nazorg");
  assert.deepEqual(files.requests, [cases.boot.index.files[shard]]);
  await finder.search("nazorg nazorg");
  assert.equal(files.requests.length, 1);
  assert.equal(finder.shards.ensure(["nazorg"]), null);
});

test("a typo fetches the vocabulary, then the shard of its correction", async () => {
  const files = dataFiles();
  const finder = makeFinder(files.getJSON);
  await finder.search("praktijkverklarign");
  assert.ok(files.requests.includes(cases.boot.words));
  assert.ok(files.requests.includes(cases.boot.index.files[finder.shards.shardOf("praktijkverklar")]));
  // With the index's terms known, a word that is no term costs no request.
  const before = files.requests.length;
  await finder.search("xyzzyq");
  assert.equal(files.requests.length, before);
});

test("a shard that failed to load is asked for again by the next query", async () => {
  const shard = cases.boot.index.files[0];
  const files = dataFiles(new Set([shard]));
  const finder = makeFinder(files.getJSON);
  const first = cases.boot.index.shards[0];
  await assert.rejects(finder.search(first));
  const found = await finder.search(first);
  assert.equal(files.requests.filter((name) => name === shard).length, 2);
  assert.ok(found.ranking.refs.length > 0);
});

test("the shard of a term: the last whose first term is at or before it", () => {
  const finder = makeFinder(dataFiles().getJSON);
  const firsts = cases.boot.index.shards;
  assert.ok(firsts.length >= 3);
  firsts.forEach((first, number) => assert.equal(finder.shards.shardOf(first), number));
  assert.equal(finder.shards.shardOf(""), 0);
  assert.equal(finder.shards.shardOf("\uffff"), firsts.length - 1);
});

test("only stop words: every practice in catalogue order; the same ranking object each time", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const count = cases.files[cases.boot.core].count;
  const found = await finder.search("de en het");
  assert.deepEqual(Array.from(found.ranking.refs), [...Array(count).keys()]);
  assert.equal((await finder.search("")).ranking, found.ranking);
});

test("typing back and forth reuses the last rankings", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const first = await finder.search("jongeren werk");
  await finder.search("jongeren");
  assert.equal((await finder.search("jongeren werk ")).ranking, first.ranking);
});

test("the stems each result contains, for marking", async () => {
  const finder = makeFinder(dataFiles().getJSON);
  const found = await finder.search("heftruck jongeren");
  const best = found.ranking.refs[0];
  // The compound 'Heftruckcertificaat' is marked too: 'heftruck' reaches it (expand.py).
  assert.deepEqual([...found.ranking.stems(best)].sort(), ["heftruck", "heftruckcertificat", "jonger"]);
});

test("ties keep catalogue order, also beyond exact integers", () => {
  const ties = new Float64Array([5, 7, 5, 7]);
  assert.deepEqual(Array.from(sortByTie([3, 2, 1, 0], ties, 7, 4)), [1, 3, 0, 2]);
  const huge = new Float64Array([2 ** 60, 2 ** 61, 2 ** 60]);
  assert.deepEqual(Array.from(sortByTie([2, 1, 0], huge, 2 ** 61, 3)), [1, 0, 2]);
  assert.equal(tieKey(0.1234567894), 123456789);
  assert.equal(tieKey(0.1234567895), 123456790);
});

test("while typing: at most six new shards ahead, none before the vocabulary", async () => {
  const files = dataFiles();
  const finder = makeFinder(files.getJSON);
  assert.deepEqual(finder.prefetch("jon"), []);
  await finder.vocabulary();
  const asked = finder.prefetch("jon");
  assert.ok(asked.length >= 1 && asked.length <= 6, asked);
  assert.ok(asked.includes(finder.shards.shardOf(finder.text.stem("jongeren"))), asked);
  // The next keystroke's prefix 'jong' reaches these terms: their shards are among those asked for.
  const reached = (await finder.shards.startingWith("jong", 15)).map((t) => finder.shards.shardOf(t));
  assert.ok(reached.length > 0);
  reached.forEach((n) => assert.ok(asked.includes(n) || asked.length === 6, [n, asked]));
  assert.deepEqual(finder.prefetch("jon"), []); // asked already
  assert.deepEqual(finder.prefetch("?"), []);
});

test("the shards of a prefix asked for at once are those its walk reads, in its order", async () => {
  let compared = 0;
  for (const prefix of ["jong", "werk", "naz", "st", "b", "zzz"]) {
    const walked = dataFiles();
    await makeFinder(walked.getJSON).shards.startingWith(prefix, 15);
    const early = dataFiles();
    const finder = makeFinder(early.getJSON);
    const started = finder.shards.loadStartingWith(prefix, 100).map((n) => finder.shards.manifest.files[n]);
    assert.deepEqual(started.slice(0, walked.requests.length), walked.requests, prefix);
    assert.ok(started.length <= 100);
    compared += walked.requests.length;
    // Capped: the first ones only.
    assert.deepEqual(finder.shards.loadStartingWith(prefix, 1).length, 1);
  }
  assert.ok(compared >= 6, compared);
});
