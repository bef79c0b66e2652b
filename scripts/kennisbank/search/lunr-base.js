/* What lunr.stemmer.support.js and lunr.nl.js need of lunr.js in order to load: a global ``lunr`` with a
 * pipeline to register their functions in and a maker of stop-word filters. The finder uses nothing of lunr
 * but lunr.nl's stemmer (search/finder/text.js); the whole of lunr.js (100 KB, 30 KB gzipped) used to be
 * downloaded and run before the first result for this alone. The node tests load the stemmer this same way
 * and hold it to Python's on every word of their cases (tests/js/text.test.mjs). A classic script, as the
 * two it serves: ``globalThis`` is the page's window, and in the tests the context's global. */
globalThis.lunr = {
  Pipeline: { registerFunction() {} },
  generateStopWordFilter(words) {
    const stop = new Set(words);
    return (token) => (stop.has(String(token)) ? undefined : token);
  },
};
