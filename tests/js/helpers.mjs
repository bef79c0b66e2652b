// What the node tests share: the cases Python wrote (finder-cases.json, see tests/finder_cases.py),
// lunr.nl's stemmer loaded as the page loads it, and the finder's parts made from the cases' data files.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

import { Shards, Texts } from "../../scripts/kennisbank/search/finder/shards.js";
import { Synonyms, TextPipeline } from "../../scripts/kennisbank/search/finder/text.js";
import { Finder } from "../../scripts/kennisbank/search/finder/search.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, "..", "..");

export const cases = JSON.parse(readFileSync(join(HERE, "finder-cases.json"), "utf8"));

/* lunr-base.js, lunr.stemmer.support.js and lunr.nl.js: from KENNISBANK_LUNR_FILES (the pytest runner
 * passes entry/lunr_files.py lunr_paths()), else from the mkdocs package in .venv. */
function lunrFiles() {
  if (process.env.KENNISBANK_LUNR_FILES) {
    return process.env.KENNISBANK_LUNR_FILES.split(delimiter);
  }
  const lib = join(REPO, ".venv", "lib");
  for (const python of existsSync(lib) ? readdirSync(lib) : []) {
    const search = join(lib, python, "site-packages", "mkdocs", "contrib", "search");
    if (existsSync(search)) {
      return [
        join(REPO, "scripts", "kennisbank", "search", "lunr-base.js"),
        join(search, "lunr-language", "lunr.stemmer.support.js"),
        join(search, "lunr-language", "lunr.nl.js"),
      ];
    }
  }
  throw new Error("lunr's stemmer scripts not found: set KENNISBANK_LUNR_FILES or run `make test-fast` to make .venv");
}

/* The three scripts run in one context, as classic scripts in a page: they set its global lunr. */
function loadStemmer() {
  const context = vm.createContext({});
  for (const file of lunrFiles()) {
    vm.runInContext(readFileSync(file, "utf8"), context, { filename: file });
  }
  return context.lunr.nl.stemmer;
}

export const stemmer = loadStemmer();

export function textPipeline() {
  return new TextPipeline(cases.boot, stemmer);
}

/* getJSON over the cases' data files, asynchronous as fetch is; ``requests`` lists the names asked for,
 * and a name in ``failing`` fails once. */
export function dataFiles(failing = new Set()) {
  const requests = [];
  function getJSON(name) {
    requests.push(name);
    if (failing.has(name)) {
      failing.delete(name);
      return Promise.reject(new Error("HTTP 404"));
    }
    if (!(name in cases.files)) {
      return Promise.reject(new Error("HTTP 404: " + name));
    }
    // A copy: the finder must not depend on sharing objects with another reader.
    return Promise.resolve().then(() => structuredClone(cases.files[name]));
  }
  return { getJSON, requests };
}

/* The finder as the page makes it: the parts from the page's data, then the core. */
export function makeFinder(getJSON) {
  const boot = cases.boot;
  const parts = {
    text: textPipeline(),
    synonyms: new Synonyms(boot.synonyms),
    shards: new Shards(boot.index, getJSON),
    texts: new Texts(boot.texts, getJSON),
  };
  return new Finder(cases.files[boot.core], parts, getJSON, { words: boot.words, pages: boot.pages });
}
