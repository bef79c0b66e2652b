/* The finder at /zoeken/: free text plus facets, its state in the URL.
 *
 * The index is built at build time (scripts/kennisbank/search/lunr_index.py) and split by term; this
 * script fetches the shards a query needs and scores the documents straight from their entries, with
 * the floating-point operations of lunr's Index.query in the same order (see score()), so the finder
 * ranks as `kennisbank search` does. The browser never builds an index. The query steps mirror
 * scripts/kennisbank/search/query.py exactly (words, stop words, typo correction, glossary synonyms,
 * one optional clause per stem, ties in catalogue order).
 *
 * The data (pages/search.py): the page itself carries the text pipeline's settings, the synonyms and
 * the manifests (data-finder), so this script asks for the shards of the query in the address, the
 * core data and the result texts as soon as it runs. data.json, the core, holds the facet values as
 * numbers; the titles and summaries come in blocks, waited for only where a shown result is; the
 * vocabulary for typo correction and the list of the index's terms (words.json) come after the first
 * results.
 *
 * Everything from the data goes into the page with textContent, never as markup.
 */
(function () {
  "use strict";

  var root = document.getElementById("kb-finder");
  if (!root || !window.lunr || !lunr.nl || !window.fetch || !window.URLSearchParams || !window.Float64Array) {
    return;
  }
  var boot;
  try {
    boot = JSON.parse(root.getAttribute("data-finder"));
  } catch (error) {
    return; // the page keeps its links to the overviews
  }
  var assets = root.getAttribute("data-assets");
  var siteRoot = root.getAttribute("data-root");
  var form = root.querySelector("form");
  var input = document.getElementById("kb-finder-q");
  var status = document.getElementById("kb-finder-status");
  var note = document.getElementById("kb-finder-note");
  var list = document.getElementById("kb-finder-results");
  var pagesBox = document.getElementById("kb-finder-pages");
  var browse = document.querySelector(".kb-finder-browse");
  var fieldsets = Array.prototype.slice.call(root.querySelectorAll("fieldset[data-facet]"));
  var PAGE_SIZE = 50;

  var initialUrl = location.href;

  function getJSON(name) {
    return fetch(assets + name).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  /* ---- the text pipeline: pipeline.py ---- */

  function TextPipeline(data) {
    var wc = data.wordCharacters;
    this.trimRe = new RegExp("^[^" + wc + "]+|[^" + wc + "]+$", "g");
    this.leadRe = new RegExp("^[^" + wc + "]*");
    this.tailRe = new RegExp("[^" + wc + "]*$");
    this.endings = data.loanwordPluralEndings;
    this.stop = new Set(data.stopWords);
    this.stems = new Map();
  }
  TextPipeline.prototype.trim = function (word) {
    word = word.replace(this.trimRe, "");
    if (/['\u2019]s$/.test(word)) {
      word = word.slice(0, -2).replace(this.trimRe, "");
    }
    for (var i = 0; i < this.endings.length; i++) {
      if (word.endsWith(this.endings[i])) {
        return word.slice(0, -1);
      }
    }
    return word;
  };
  TextPipeline.prototype.words = function (text) {
    var self = this;
    return text.toLowerCase().split(/[\s\-]+/).map(function (w) { return self.trim(w); }).filter(Boolean);
  };
  TextPipeline.prototype.stem = function (word) {
    var known = this.stems.get(word);
    if (known === undefined) {
      known = lunr.nl.stemmer(word);
      this.stems.set(word, known);
    }
    return known;
  };

  /* ---- glossary synonyms: synonyms.py ---- */

  function Synonyms(table) {
    this.phrases = new Map();
    this.first = new Set(); // the stems a phrase starts with: most words start none
    this.longest = 0;
    for (var i = 0; i < table.length; i++) {
      var stems = table[i].slice(1);
      this.phrases.set(stems.join("\u0000"), table[i][0]);
      this.first.add(stems[0]);
      this.longest = Math.max(this.longest, stems.length);
    }
  }
  Synonyms.prototype.matches = function (stems) {
    var found = [];
    var i = 0;
    while (i < stems.length) {
      if (!this.first.has(stems[i])) {
        i += 1;
        continue;
      }
      var hit = false;
      for (var n = Math.min(this.longest, stems.length - i); n > 0; n--) {
        var canonical = this.phrases.get(stems.slice(i, i + n).join("\u0000"));
        if (canonical !== undefined) {
          found.push([i, i + n, canonical]);
          i += n;
          hit = true;
          break;
        }
      }
      if (!hit) {
        i += 1;
      }
    }
    return found;
  };

  /* ---- typo correction: query.py ---- */

  function maxDistance(word) {
    return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  }

  /* Optimal string alignment distance, or limit + 1 if larger; rows are three reusable Int32Arrays. */
  function editDistance(a, b, limit, rows) {
    if (Math.abs(a.length - b.length) > limit) {
      return limit + 1;
    }
    var previous2 = rows[0];
    var previous = rows[1];
    var current = rows[2];
    var j;
    for (j = 0; j <= b.length; j++) {
      previous[j] = j;
    }
    for (var i = 1; i <= a.length; i++) {
      current[0] = i;
      var lowest = i;
      var ai = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        var bj = b.charCodeAt(j - 1);
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current[j] = value;
        if (value < lowest) {
          lowest = value;
        }
      }
      if (lowest > limit) {
        return limit + 1;
      }
      var spare = previous2;
      previous2 = previous;
      previous = current;
      current = spare;
    }
    return previous[b.length];
  }

  /* Which characters a word has, as bits (a-z one each, others shared): an edit changes at most two
   * of them, so words whose bits differ in more than 2 * limit places are too far apart to check. */
  function letterBits(word) {
    var bits = 0;
    for (var i = 0; i < word.length; i++) {
      var code = word.charCodeAt(i);
      bits |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6));
    }
    return bits;
  }

  function bitCount(bits) {
    bits -= (bits >>> 1) & 0x55555555;
    bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
    return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  /* The surface vocabulary, most frequent first; corrections are remembered per word. */
  function Vocabulary(words) {
    this.words = words;
    this.lengths = new Uint16Array(words.length);
    this.bits = new Int32Array(words.length);
    var longest = 0;
    for (var i = 0; i < words.length; i++) {
      this.lengths[i] = words[i].length;
      this.bits[i] = letterBits(words[i]);
      longest = Math.max(longest, words[i].length);
    }
    this.longest = longest;
    this.corrections = new Map();
  }
  /* query.py correct(): the first word in vocabulary order at distance 1 or less, else the first at the
   * smallest distance within the limit. Words that cannot be within the limit (by length, or by the
   * characters they have) are skipped without computing their distance. */
  Vocabulary.prototype.correct = function (word) {
    var limit = maxDistance(word);
    if (limit === 0 || /[0-9]/.test(word)) {
      return null;
    }
    if (this.corrections.has(word)) {
      return this.corrections.get(word);
    }
    var size = Math.max(this.longest, word.length) + 1;
    var rows = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
    var best = null;
    var bestDistance = limit + 1;
    var length = word.length;
    var bits = letterBits(word);
    for (var i = 0; i < this.words.length; i++) {
      if (Math.abs(this.lengths[i] - length) > limit || bitCount(this.bits[i] ^ bits) > 2 * limit) {
        continue; // editDistance would say limit + 1
      }
      var distance = editDistance(word, this.words[i], limit, rows);
      if (distance < bestDistance) {
        best = this.words[i];
        bestDistance = distance;
        if (distance <= 1) {
          break;
        }
      }
    }
    this.corrections.set(word, best);
    return best;
  };

  /* ---- the sharded index: shards.py ---- */

  function Shards(manifest) {
    this.manifest = manifest;
    this.fields = manifest.fields;
    this.entries = new Map();
    this.loading = new Map();
    this.terms = null; // every term of the index, once words.json is here: no shard for a non-term
    this.termList = null; // the same, sorted
  }
  Shards.prototype.shardOf = function (term) {
    var first = this.manifest.shards;
    var lo = 0;
    var hi = first.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (term < first[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return Math.max(0, lo - 1);
  };
  Shards.prototype.load = function (number) {
    var self = this;
    if (!this.loading.has(number)) {
      this.loading.set(number, getJSON(this.manifest.files[number]).then(function (entries) {
        entries.forEach(function (entry) { self.entries.set(entry[0], entry); });
        self.loading.set(number, null);
      }, function (error) {
        self.loading.delete(number); // try again on the next query
        throw error;
      }));
    }
    return this.loading.get(number);
  };
  /* A promise, or null when every shard these terms need is here already. */
  Shards.prototype.ensure = function (terms) {
    var self = this;
    var pending = [];
    terms.forEach(function (term) {
      if (self.terms && !self.terms.has(term)) {
        return;
      }
      var loading = self.load(self.shardOf(term));
      if (loading && pending.indexOf(loading) === -1) {
        pending.push(loading);
      }
    });
    return pending.length ? Promise.all(pending) : null;
  };
  /* While a query is being typed: the shards the next keystrokes are likely to need, without waiting
   * for them. prefix: the word being typed ("" after a space); words: the vocabulary, most frequent
   * first; termList: the index's terms, sorted. First the terms one letter longer than the prefix (the
   * next keystroke's own word, if it is a term: after a space, the one-letter terms), then where the
   * vocabulary's most frequent longer forms of the prefix are (their stems, and the prefix one letter
   * longer). At most three new requests. */
  Shards.prototype.prefetch = function (prefix, words, termList, text) {
    var numbers = [];
    var lo = 0;
    var hi = termList.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (termList[mid] < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (var t = lo; t < termList.length && termList[t].startsWith(prefix); t++) {
      if (termList[t].length === prefix.length + 1) {
        numbers.push(this.shardOf(termList[t]));
      }
    }
    for (var i = 0; prefix && i < words.length && numbers.length < 8; i++) {
      if (words[i].length > prefix.length && words[i].startsWith(prefix)) {
        numbers.push(this.shardOf(words[i].slice(0, prefix.length + 1)), this.shardOf(text.stem(words[i])));
      }
    }
    var started = 0;
    for (var n = 0; n < numbers.length && started < 3; n++) {
      if (!this.loading.has(numbers[n])) {
        this.load(numbers[n]).catch(function () {});
        started += 1;
      }
    }
  };
  Shards.prototype.knows = function (term) {
    return this.entries.has(term);
  };

  /* ---- scoring: what lunr's Index.query computes, straight from the shard entries ----
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
   * test_finder_browser.py compares the scores with lunr.py's, exactly. */
  function score(shards, count, unique) {
    var n = unique.length;
    var fields = shards.fields;
    var fieldCount = fields.length;
    // Each term's entry: [term, term index, {field: [[ref, value], ...]}], as the shard has it.
    var entries = unique.map(function (term) { return shards.entries.get(term); });
    var magnitude = Math.sqrt(n);
    var dots = new Float64Array(count * fieldCount);
    var byIndex = entries.slice().sort(function (a, b) { return a[1] - b[1]; });
    var f, k, pairs;
    for (var t = 0; t < byIndex.length; t++) {
      for (f = 0; f < fieldCount; f++) {
        pairs = byIndex[t][2][fields[f]] || NONE;
        var offset = f * count;
        for (k = 0; k < pairs.length; k++) {
          dots[offset + pairs[k][0]] += pairs[k][1];
        }
      }
    }
    var met = new Uint8Array(count * fieldCount);
    var sums = new Float64Array(count);
    var matched = new Uint16Array(count);
    var lastClause = new Int32Array(count);
    var words = Math.ceil(n / 32);
    var masks = [];
    for (var w = 0; w < words; w++) {
      masks.push(new Int32Array(count));
    }
    var refsFound = [];
    for (var c = 0; c < n; c++) {
      var bit = 1 << (c % 32);
      var mask = masks[c >> 5];
      for (f = 0; f < fieldCount; f++) {
        pairs = entries[c][2][fields[f]] || NONE;
        var base = f * count;
        for (k = 0; k < pairs.length; k++) {
          var ref = pairs[k][0];
          var slot = base + ref;
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
    return { refs: refsFound, sums: sums, matched: matched, masks: masks };
  }
  var NONE = [];

  /* ---- facets: numbers per practice, counted with typed arrays ---- */

  function Facets(data) {
    this.count = data.count;
    this.list = [];
    this.byAttribute = {};
    for (var attribute in data.facetValues) {
      var spec = data.facetValues[attribute];
      var offsets = new Uint32Array(data.count + 1);
      var lengths = spec.lengths;
      for (var i = 0; i < data.count; i++) {
        offsets[i + 1] = offsets[i] + lengths[i];
      }
      var ids = data.facets[spec.facet].map(function (term) { return term[0]; });
      var facet = {
        attribute: attribute,
        ids: ids,
        names: new Map(data.facets[spec.facet]),
        position: new Map(ids.map(function (id, number) { return [id, number]; })),
        offsets: offsets,
        values: spec.values // vocabulary positions, a plain array of small integers as JSON gave it
      };
      this.list.push(facet);
      this.byAttribute[attribute] = facet;
    }
  }
  Facets.prototype.names = function (attribute, ref) {
    var facet = this.byAttribute[attribute];
    var out = [];
    for (var k = facet.offsets[ref]; k < facet.offsets[ref + 1]; k++) {
      out.push(facet.names.get(facet.ids[facet.values[k]]));
    }
    return out.join(", ");
  };
  /* The hits (refs, best first) every selection accepts, and per facet value the results it would give
   * with the other facets' selections kept: a hit rejected by one facet only still counts for that facet.
   * Facet by facet over all hits, so each loop is short and the same for every hit. */
  Facets.prototype.apply = function (hits, selected) {
    var n = hits.length;
    var rejections = new Uint8Array(n);
    var rejectedBy = new Int8Array(n);
    var list = this.list;
    var h, k, ref, facet, offsets, values;
    for (var f = 0; f < list.length; f++) {
      facet = list[f];
      var chosen = selected[facet.attribute] || [];
      if (!chosen.length) {
        continue;
      }
      var wanted = new Uint8Array(facet.ids.length);
      chosen.forEach(function (id) {
        if (facet.position.has(id)) {
          wanted[facet.position.get(id)] = 1;
        }
      });
      offsets = facet.offsets;
      values = facet.values;
      for (h = 0; h < n; h++) {
        ref = hits[h];
        var ok = false;
        for (k = offsets[ref]; k < offsets[ref + 1]; k++) {
          if (wanted[values[k]]) {
            ok = true;
            break;
          }
        }
        if (!ok) {
          rejections[h] += 1;
          rejectedBy[h] = f;
        }
      }
    }
    var counts = {};
    for (f = 0; f < list.length; f++) {
      facet = list[f];
      offsets = facet.offsets;
      values = facet.values;
      var tally = new Uint32Array(facet.ids.length);
      for (h = 0; h < n; h++) {
        if (rejections[h] === 0 || (rejections[h] === 1 && rejectedBy[h] === f)) {
          ref = hits[h];
          for (k = offsets[ref]; k < offsets[ref + 1]; k++) {
            tally[values[k]] += 1;
          }
        }
      }
      counts[facet.attribute] = tally;
    }
    var shown = new Int32Array(n);
    var shownCount = 0;
    for (h = 0; h < n; h++) {
      if (rejections[h] === 0) {
        shown[shownCount++] = hits[h];
      }
    }
    return { shown: shown.subarray(0, shownCount), counts: counts };
  };

  /* ---- result texts, in blocks of consecutive practices ---- */

  function Texts(manifest) {
    this.starts = manifest.starts;
    this.files = manifest.files;
    this.blocks = new Array(this.files.length).fill(null);
    this.loading = new Array(this.files.length).fill(null);
  }
  Texts.prototype.blockOf = function (ref) {
    var lo = 0;
    var hi = this.starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (ref < this.starts[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo - 1;
  };
  Texts.prototype.load = function (number) {
    var self = this;
    if (!this.loading[number]) {
      this.loading[number] = getJSON(this.files[number]).then(function (block) {
        self.blocks[number] = block;
      }, function (error) {
        self.loading[number] = null; // try again when it is needed
        throw error;
      });
    }
    return this.loading[number];
  };
  /* Start fetching every block: a first page of results touches nearly all of them. */
  Texts.prototype.loadAll = function () {
    for (var i = 0; i < this.files.length; i++) {
      this.load(i).catch(function () {});
    }
  };
  /* A promise, or null when the texts of these practices (refs) are here already. */
  Texts.prototype.ensure = function (refs) {
    var pending = [];
    for (var i = 0; i < refs.length; i++) {
      var number = this.blockOf(refs[i]);
      if (!this.blocks[number] && pending.indexOf(number) === -1) {
        pending.push(number);
      }
    }
    var self = this;
    return pending.length ? Promise.all(pending.map(function (number) { return self.load(number); })) : null;
  };
  Texts.prototype.get = function (ref) {
    var number = this.blockOf(ref);
    var block = this.blocks[number];
    var i = ref - this.starts[number];
    return { slug: block.slugs[i], title: block.titles[i], summary: block.summaries[i] };
  };

  /* ---- the search: query.py ---- */

  /* core: data.json; the other parts are made from the page's data before it arrives. */
  function Finder(core, parts) {
    this.data = core;
    this.count = core.count;
    this.text = parts.text;
    this.synonyms = parts.synonyms;
    this.shards = parts.shards;
    this.texts = parts.texts;
    this.facets = new Facets(core);
    this.words = null; // the Vocabulary, once words.json is here
    this.wordsLoading = null;
    this.pages = null; // pages.json, once it is here
    this.pagesLoading = null;
    this.everything = null;
    this.rankings = new Map(); // the last few rankings by their stems: typing back and forth reuses them
  }

  /* words.json: the vocabulary for typo correction and the index's terms. */
  Finder.prototype.vocabulary = function () {
    var self = this;
    if (!this.wordsLoading) {
      this.wordsLoading = getJSON(boot.words).then(function (words) {
        self.words = new Vocabulary(words.vocabulary);
        self.shards.terms = new Set(words.terms);
        self.shards.termList = words.terms;
      }, function (error) {
        self.wordsLoading = null;
        throw error;
      });
    }
    return this.wordsLoading;
  };

  /* pages.json: the site's other pages by their stems (search/site_pages.py), after the first results. */
  Finder.prototype.sitePages = function () {
    var self = this;
    if (!this.pagesLoading) {
      var early = pagesEarly;
      pagesEarly = null; // after a failure, ask again
      this.pagesLoading = (early || getJSON(boot.pages)).then(function (pages) {
        self.pages = pages;
        return pages;
      }, function (error) {
        self.pagesLoading = null;
        throw error;
      });
    }
    return this.pagesLoading;
  };

  /* site_pages.matching_pages: the pages with every stem in their text or at the start of a title
   * word, most title matches first, then in site order. */
  function matchingPages(index, stems, limit) {
    var wanted = Array.from(new Set(stems));
    if (!wanted.length) {
      return [];
    }
    var titleStems = Object.keys(index.titles);
    var titled = wanted.map(function (stem) {
      var found = new Set();
      titleStems.forEach(function (t) {
        if (stem.length >= index.prefixFrom ? t.startsWith(stem) : t === stem) {
          index.titles[t].forEach(function (n) { found.add(n); });
        }
      });
      return found;
    });
    var hits = [];
    for (var n = 0; n < index.pages.length; n++) {
      var inTitle = 0;
      var all = wanted.every(function (stem, i) {
        var hasIt = titled[i].has(n);
        inTitle += hasIt ? 1 : 0;
        return hasIt || (index.text[stem] || []).indexOf(n) !== -1;
      });
      if (all) {
        hits.push([n, inTitle]);
      }
    }
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return hits.slice(0, limit).map(function (hit) { return index.pages[hit[0]]; });
  }

  /* The stems the pages are matched on: the words as typed, or as corrected. */
  function pageStems(terms) {
    var text = finder.text;
    var stems = [];
    terms.forEach(function (t) {
      text.words(t.corrected ? t.word : t.typed).forEach(function (w) {
        if (!text.stop.has(w)) {
          stems.push(text.stem(w));
        }
      });
    });
    return stems;
  }

  function showPages(terms, mine) {
    if (!pagesBox) {
      return;
    }
    var stems = pageStems(terms);
    if (!stems.length) {
      pagesBox.hidden = true;
      pagesBox.setAttribute("data-ready", String(mine));
      return;
    }
    if (!finder.pages) {
      finder.sitePages().then(function () {
        if (mine === generation) {
          showPages(terms, mine);
        }
      }, function () {});
      return;
    }
    var pages = matchingPages(finder.pages, stems, 5);
    var items = pagesBox.querySelector("ul");
    var key = JSON.stringify(pages);
    pagesBox.setAttribute("data-ready", String(mine)); // for the tests: the pages for this query are shown
    if (items.getAttribute("data-shown") === key) {
      return;
    }
    items.setAttribute("data-shown", key);
    items.textContent = "";
    pages.forEach(function (page) {
      var item = document.createElement("li");
      var anchor = document.createElement("a");
      anchor.href = siteRoot + page[1];
      anchor.textContent = page[0];
      item.appendChild(anchor);
      items.appendChild(item);
    });
    pagesBox.hidden = !pages.length;
  }

  function wait(promise) {
    return promise ? promise : Promise.resolve();
  }

  /* The query's terms (query.py analyse). The shards, and the vocabulary when a word needs correcting,
   * are fetched only when missing, so a query on loaded data never waits for a timer or a request. */
  Finder.prototype.analyse = async function (query) {
    var text = this.text;
    var self = this;
    var typed = text.words(query).filter(function (w) { return !text.stop.has(w); });
    var loading = this.shards.ensure(typed.map(function (w) { return text.stem(w); }));
    if (loading) {
      await loading;
    }
    var unknown = typed.filter(function (w) { return !self.shards.knows(text.stem(w)) && maxDistance(w) > 0; });
    if (unknown.length && !this.words) {
      await this.vocabulary().catch(function () {}); // without it, no corrections
    }
    var corrected = typed.map(function (w) {
      return self.shards.knows(text.stem(w)) ? w : (self.words && self.words.correct(w)) || w;
    });
    var stems = corrected.map(function (w) { return text.stem(w); });
    var terms = [];
    var position = 0;
    var found = this.synonyms.matches(stems).concat([[stems.length, stems.length, ""]]);
    found.forEach(function (match) {
      for (var i = position; i < match[0]; i++) {
        terms.push({ word: corrected[i], stem: stems[i], typed: typed[i], corrected: corrected[i] !== typed[i] });
      }
      if (match[2]) {
        // A glossary phrase: corrected too if one of its words was ('praktijkverklarign').
        var fixed = corrected.slice(match[0], match[1]).join(" ") !== typed.slice(match[0], match[1]).join(" ");
        terms.push({ word: match[2], stem: text.stem(match[2]), typed: typed.slice(match[0], match[1]).join(" "), corrected: fixed });
      }
      position = match[1];
    });
    loading = this.shards.ensure(terms.map(function (t) { return t.stem; }));
    if (loading) {
      await loading;
    }
    return terms;
  };

  var RANKINGS_KEPT = 8;

  /* refs by tie (highest first), then ref: one number per hit, -tie * 2^bits + ref, sorted as numbers by
   * the browser itself, as long as these stay exact integers (below 2^53); else with a comparison. */
  function sortByTie(refs, ties, highest, count) {
    var scale = Math.pow(2, Math.ceil(Math.log2(count + 1)));
    var sorted = new Int32Array(refs.length);
    if (highest * scale + scale >= Math.pow(2, 53)) {
      sorted.set(refs);
      return sorted.sort(function (a, b) { return ties[b] - ties[a] || a - b; });
    }
    var keys = new Float64Array(refs.length);
    for (var i = 0; i < refs.length; i++) {
      keys[i] = -ties[refs[i]] * scale + refs[i];
    }
    keys.sort();
    for (i = 0; i < keys.length; i++) {
      sorted[i] = keys[i] - Math.floor(keys[i] / scale) * scale; // scale is a power of two: exact
    }
    return sorted;
  }

  /* A ranking: refs best first; scores and the stems each practice contains, by ref; and the views of it
   * with a selection of facets made so far (see viewOf). */
  function Ranking(refs, scores, unique, masks) {
    this.refs = refs;
    this.scores = scores;
    this.unique = unique;
    this.masks = masks;
    this.views = new Map();
  }
  /* The stems a practice contains, for marking them. */
  Ranking.prototype.stems = function (ref) {
    var stems = new Set();
    for (var c = 0; c < this.unique.length; c++) {
      if (this.masks[c >> 5][ref] & (1 << (c % 32))) {
        stems.add(this.unique[c]);
      }
    }
    return stems;
  };

  /* The score weighed by the share of terms matched, best first, ties in catalogue order (query.py). */
  Finder.prototype.rank = function (stems) {
    var self = this;
    var unique = Array.from(new Set(stems)).filter(function (s) { return self.shards.knows(s); });
    var key = unique.join("\u0000");
    var known = this.rankings.get(key);
    if (known) {
      this.rankings.delete(key); // the same stems in the same order: the same ranking; now the newest
      this.rankings.set(key, known);
      return known;
    }
    var scored = unique.length ? score(this.shards, this.count, unique) : { refs: [], sums: null, matched: null, masks: [] };
    var n = unique.length;
    var found = scored.refs;
    var scores = new Float64Array(this.count);
    var ties = new Float64Array(this.count);
    var highest = 0;
    for (var i = 0; i < found.length; i++) {
      var ref = found[i];
      var value = (scored.sums[ref] * scored.matched[ref]) / n;
      scores[ref] = value;
      ties[ref] = Math.floor(value * 1e9 + 0.5); // query.tie_key
      highest = Math.max(highest, ties[ref]);
    }
    var refs = sortByTie(found, ties, highest, this.count);
    var ranking = new Ranking(refs, scores, unique, scored.masks);
    this.rankings.set(key, ranking);
    if (this.rankings.size > RANKINGS_KEPT) {
      this.rankings.delete(this.rankings.keys().next().value);
    }
    return ranking;
  };

  /* While a query is being typed, after its results are shown: the shards the next keystrokes will
   * likely need (see Shards.prefetch), once the vocabulary is here. */
  Finder.prototype.prefetch = function (query) {
    if (!this.words) {
      return;
    }
    var typing = /[^\s\-]$/.test(query);
    var last = typing ? this.text.words(query).pop() : "";
    if (!typing || last) {
      this.shards.prefetch(last, this.words.words, this.shards.termList, this.text);
    }
  };

  Finder.prototype.search = async function (query) {
    var terms = await this.analyse(query);
    if (!terms.length) {
      // Nothing to search for (only stop words): every practice, in catalogue order (query.py).
      if (!this.everything) {
        var all = new Int32Array(this.count);
        for (var ref = 0; ref < this.count; ref++) {
          all[ref] = ref;
        }
        this.everything = new Ranking(all, new Float64Array(this.count), [], []);
      }
      return { terms: terms, ranking: this.everything };
    }
    return { terms: terms, ranking: this.rank(terms.map(function (t) { return t.stem; })) };
  };

  /* ---- facets and the URL ---- */

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = { q: params.get("q") || "", selected: {} };
    fieldsets.forEach(function (fs) {
      state.selected[fs.getAttribute("data-facet")] = params.getAll(fs.getAttribute("data-param"));
    });
    return state;
  }

  function formState() {
    var state = { q: input.value, selected: {} };
    fieldsets.forEach(function (fs) {
      state.selected[fs.getAttribute("data-facet")] = Array.prototype.slice
        .call(fs.querySelectorAll("input:checked"))
        .map(function (box) { return box.value; });
    });
    return state;
  }

  function showState(state) {
    input.value = state.q;
    fieldsets.forEach(function (fs) {
      var values = state.selected[fs.getAttribute("data-facet")] || [];
      fs.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = values.indexOf(box.value) !== -1;
      });
    });
  }

  function stateUrl(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) {
      params.append("q", state.q.trim());
    }
    fieldsets.forEach(function (fs) {
      (state.selected[fs.getAttribute("data-facet")] || []).forEach(function (value) {
        params.append(fs.getAttribute("data-param"), value);
      });
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  /* The count labels, found once: [{facet, position, label, text}]. */
  var countLabels = null;

  function updateCounts(counts) {
    if (!countLabels) {
      countLabels = [];
      fieldsets.forEach(function (fs) {
        var attribute = fs.getAttribute("data-facet");
        var facet = finder.facets.byAttribute[attribute];
        fs.querySelectorAll("input[type=checkbox]").forEach(function (box) {
          var label = fs.querySelector('label[for="' + box.id + '"] .kb-count');
          if (label && facet) {
            var position = facet.position.has(box.value) ? facet.position.get(box.value) : -1;
            countLabels.push({ attribute: attribute, position: position, label: label, text: label.textContent });
          }
        });
      });
    }
    countLabels.forEach(function (entry) {
      var facetCounts = counts[entry.attribute];
      var text = "(" + (facetCounts && entry.position >= 0 ? facetCounts[entry.position] : 0) + ")";
      if (text !== entry.text) {
        entry.label.textContent = text;
        entry.text = text;
      }
    });
  }

  /* ---- showing results, with the matched words marked ---- */

  function appendMarked(element, value, stems, finder) {
    var text = finder.text;
    var parts = value.split(/([\s\-]+)/);
    var marked = new Array(parts.length).fill(false);
    var content = [];
    parts.forEach(function (part, i) {
      if (i % 2 === 1) {
        return;
      }
      var word = text.trim(part.toLowerCase());
      if (!word || text.stop.has(word)) {
        return;
      }
      var stem = text.stem(word);
      content.push({ part: i, stem: stem });
      if (stems.has(stem)) {
        marked[i] = true;
      }
    });
    finder.synonyms.matches(content.map(function (c) { return c.stem; })).forEach(function (match) {
      if (stems.has(text.stem(match[2]))) {
        for (var k = match[0]; k < match[1]; k++) {
          marked[content[k].part] = true;
        }
      }
    });
    var plain = "";
    parts.forEach(function (part, i) {
      if (!marked[i]) {
        plain += part;
        return;
      }
      var lead = part.match(text.leadRe)[0].length;
      var tail = part.slice(lead).match(text.tailRe)[0].length;
      element.appendChild(document.createTextNode(plain + part.slice(0, lead)));
      var mark = document.createElement("mark");
      mark.textContent = part.slice(lead, part.length - tail);
      element.appendChild(mark);
      plain = part.slice(part.length - tail);
    });
    if (plain) {
      element.appendChild(document.createTextNode(plain));
    }
  }

  function resultItem(finder, ranking, ref) {
    var record = finder.texts.get(ref);
    var stems = ranking.stems(ref);
    var item = document.createElement("li");
    item.className = "kb-result";
    // h2: the results come straight after the page's h1, and heading levels must not skip (WCAG 1.3.1).
    var heading = document.createElement("h2");
    var anchor = document.createElement("a");
    anchor.href = siteRoot + "praktijkvoorbeelden/" + encodeURIComponent(record.slug) + "/";
    appendMarked(anchor, record.title, stems, finder);
    heading.appendChild(anchor);
    var meta = document.createElement("p");
    meta.className = "kb-small";
    meta.textContent = finder.facets.names("region", ref) + " · " + finder.facets.names("themes", ref);
    var summary = document.createElement("p");
    appendMarked(summary, record.summary, stems, finder);
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(summary);
    return item;
  }

  function resultsText(count) {
    return count === 1 ? "1 resultaat" : count + " resultaten";
  }

  function noteText(terms) {
    var fixed = terms.filter(function (t) { return t.corrected; });
    return fixed.length
      ? "Gezocht op: " + fixed.map(function (t) { return "‘" + t.word + "’ (u typte ‘" + t.typed + "’)"; }).join(", ") + "."
      : "";
  }

  function setText(element, value) {
    if (element.textContent !== value) {
      element.textContent = value;
    }
  }

  var finder = null;
  var generation = 0;
  var shownView = null; // what the list shows now

  function moreButton(view, from) {
    var more = document.createElement("li");
    more.className = "kb-finder-more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Meer resultaten tonen";
    button.addEventListener("click", function () {
      wait(finder.texts.ensure(view.shown.subarray(from, from + PAGE_SIZE))).then(function () {
        if (shownView !== view || !more.isConnected) {
          return; // the results changed meanwhile, or this page is shown already
        }
        more.remove();
        list.appendChild(pageItems(view, from));
        var next = list.children[from];
        var link = next && next.querySelector("a");
        if (link) {
          link.focus();
        }
      }, showFailure);
    });
    more.appendChild(button);
    return more;
  }

  /* The results from ``from`` on, one page, with the button for more: one fragment to insert. */
  function pageItems(view, from) {
    var fragment = document.createDocumentFragment();
    var end = Math.min(view.shown.length, from + PAGE_SIZE);
    for (var i = from; i < end; i++) {
      fragment.appendChild(resultItem(finder, view.ranking, view.shown[i]));
    }
    if (view.shown.length > end) {
      fragment.appendChild(moreButton(view, end));
    }
    return fragment;
  }

  /* The ranking with this selection of facets: {ranking, shown (refs), counts}. The same ranking and
   * selection give the same object, so the list is left alone when it would show the same. */
  function viewOf(ranking, selected) {
    var key = JSON.stringify(selected);
    var view = ranking.views.get(key);
    if (!view) {
      var applied = finder.facets.apply(ranking.refs, selected);
      view = { ranking: ranking, shown: applied.shown, counts: applied.counts };
      if (ranking.views.size >= 4) {
        ranking.views.delete(ranking.views.keys().next().value);
      }
      ranking.views.set(key, view);
    }
    return view;
  }

  async function update(typing) {
    var state = formState();
    var mine = ++generation;
    try {
      var found = await finder.search(state.q);
      if (mine !== generation) {
        return; // a newer query has started meanwhile
      }
      var view = viewOf(found.ranking, state.selected);
      var shown = view.shown;
      if (view !== shownView) {
        var loading = finder.texts.ensure(shown.subarray(0, PAGE_SIZE));
        if (loading) {
          await loading;
          if (mine !== generation) {
            return;
          }
        }
      }
      updateCounts(view.counts);
      var message = noteText(found.terms);
      note.hidden = !message;
      setText(note, message);
      setText(status, shown.length ? resultsText(shown.length) : "Geen resultaten. Probeer andere woorden of vink minder filters aan.");
      if (browse) {
        browse.hidden = true;
      }
      if (view !== shownView) {
        list.textContent = "";
        list.appendChild(pageItems(view, 0));
        shownView = view;
      }
      root.setAttribute("data-ready", String(mine));
      showPages(found.terms, mine);
      if (typing) {
        // After this frame: the responses are read on this thread, and must not hold up its painting.
        requestAnimationFrame(function () {
          setTimeout(function () { finder.prefetch(state.q); }, 0);
        });
      }
    } catch (error) {
      if (mine === generation) {
        showFailure();
      }
    }
  }

  /* Data that cannot load: before the finder started, no form at all; later, the form stays for another try. */
  function showFailure() {
    root.hidden = false;
    form.hidden = !finder;
    list.textContent = "";
    shownView = null;
    note.hidden = true;
    status.textContent = "Zoeken lukt nu niet. Blader hieronder per thema, doelgroep of regio.";
    if (browse) {
      browse.hidden = false;
    }
  }

  function remember(push) {
    var url = stateUrl(formState());
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  var typingTimer = null;

  function start(core) {
    finder = new Finder(core, parts);
    showState(readState(new URL(initialUrl).search));
    root.hidden = false;
    if (browse) {
      browse.hidden = true;
    }
    input.addEventListener("input", function () {
      update(true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(function () { remember(true); }, 600);
    });
    form.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") {
        update();
        remember(true);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typingTimer);
      update();
      remember(true);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        update();
        remember(true);
      }, 0);
    });
    window.addEventListener("popstate", function () {
      clearTimeout(typingTimer);
      showState(readState(location.search));
      update();
    });
    // For the tests: the ranking as the finder computes it, best first.
    window.kennisbankFinder = {
      search: function (query) {
        return finder.search(query).then(function (found) {
          return Array.from(found.ranking.refs, function (ref) { return [ref, found.ranking.scores[ref]]; });
        });
      }
    };
    return update().then(function () {
      // The typo vocabulary, while the reader reads: a later correction then waits for nothing.
      setTimeout(function () { finder.vocabulary().catch(function () {}); }, 200);
    });
  }

  /* At once, while the page is still being read in: the core, the result texts, and the shards of the
   * query in the address (its words and synonyms; a typo's correction waits for the core). */
  var parts = {
    text: new TextPipeline(boot),
    synonyms: new Synonyms(boot.synonyms),
    shards: new Shards(boot.index),
    texts: new Texts(boot.texts)
  };
  var initialQuery = new URLSearchParams(new URL(initialUrl).search).get("q");
  if (initialQuery) {
    var typed = parts.text.words(initialQuery).filter(function (w) { return !parts.text.stop.has(w); });
    var stems = typed.map(function (w) { return parts.text.stem(w); });
    parts.synonyms.matches(stems).forEach(function (match) { stems.push(parts.text.stem(match[2])); });
    var early = parts.shards.ensure(stems);
    if (early) {
      early.catch(function () {}); // the search asks again, and reports it
    }
  }
  // After the shards (the browser opens only a few connections at a time): the core, then the texts,
  // then, for a query in the address (the header's search), the site's pages: listed above the
  // results, they should not push those down after they are shown.
  var coreLoading = getJSON(boot.core);
  parts.texts.loadAll();
  var pagesEarly = initialQuery ? getJSON(boot.pages) : null;
  if (pagesEarly) {
    pagesEarly.catch(function () {}); // showPages asks again
  }
  coreLoading.then(start).catch(showFailure);
})();
