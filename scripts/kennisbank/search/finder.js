/* The finder at /zoeken/: free text plus facets, its state in the URL.
 *
 * The index is built at build time (scripts/kennisbank/search/lunr_index.py) and split by term; this
 * script fetches the shards a query needs and loads them with lunr.Index.load: the browser never
 * builds an index. The query steps mirror scripts/kennisbank/search/query.py exactly (words, stop
 * words, typo correction, glossary synonyms, one optional clause per stem, ties in catalogue
 * order), so the finder ranks as `kennisbank search` does.
 *
 * Everything from the data goes into the page with textContent, never as markup.
 */
(function () {
  "use strict";

  var root = document.getElementById("kb-finder");
  if (!root || !window.lunr || !lunr.nl || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var assets = root.getAttribute("data-assets");
  var siteRoot = root.getAttribute("data-root");
  var form = root.querySelector("form");
  var input = document.getElementById("kb-finder-q");
  var status = document.getElementById("kb-finder-status");
  var note = document.getElementById("kb-finder-note");
  var list = document.getElementById("kb-finder-results");
  var browse = document.querySelector(".kb-finder-browse");
  var fieldsets = Array.prototype.slice.call(root.querySelectorAll("fieldset[data-facet]"));
  var PAGE_SIZE = 50;

  /* Material's own search box opens itself when the address has ?q=, which the finder uses too.
   * This script runs before Material's (it is not deferred and stands above Material's bundle), and
   * Material reads the address once, while its bundle runs: hide q until the document has loaded. */
  var initialUrl = location.href;
  if (new URLSearchParams(location.search).has("q")) {
    var withoutQ = new URL(initialUrl);
    withoutQ.searchParams.delete("q");
    history.replaceState(history.state, "", withoutQ.href);
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(function () {
        if (location.href === withoutQ.href) {
          history.replaceState(history.state, "", initialUrl);
        }
      }, 0);
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
    this.longest = 0;
    for (var i = 0; i < table.length; i++) {
      var stems = table[i].slice(1);
      this.phrases.set(stems.join("\u0000"), table[i][0]);
      this.longest = Math.max(this.longest, stems.length);
    }
  }
  Synonyms.prototype.matches = function (stems) {
    var found = [];
    var i = 0;
    while (i < stems.length) {
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

  function editDistance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) {
      return limit + 1;
    }
    var previous2 = [];
    var previous = [];
    for (var j = 0; j <= b.length; j++) {
      previous.push(j);
    }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var lowest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        lowest = Math.min(lowest, value);
      }
      if (lowest > limit) {
        return limit + 1;
      }
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function correct(word, vocabulary) {
    var limit = maxDistance(word);
    if (limit === 0 || /[0-9]/.test(word)) {
      return null;
    }
    var best = null;
    var bestDistance = limit + 1;
    for (var i = 0; i < vocabulary.length; i++) {
      var distance = editDistance(word, vocabulary[i], limit);
      if (distance < bestDistance) {
        best = vocabulary[i];
        bestDistance = distance;
        if (distance <= 1) {
          break;
        }
      }
    }
    return best;
  }

  /* ---- the sharded index: shards.py ---- */

  function Shards(manifest) {
    this.manifest = manifest;
    this.entries = new Map();
    this.loading = new Map();
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
  Shards.prototype.ensure = function (terms) {
    var self = this;
    var numbers = new Set(terms.map(function (t) { return self.shardOf(t); }));
    return Promise.all(Array.from(numbers).map(function (number) {
      if (!self.loading.has(number)) {
        self.loading.set(number, fetch(assets + self.manifest.files[number])
          .then(function (response) {
            if (!response.ok) {
              throw new Error("HTTP " + response.status);
            }
            return response.json();
          })
          .then(function (entries) {
            entries.forEach(function (entry) { self.entries.set(entry[0], entry); });
          }));
      }
      return self.loading.get(number);
    }));
  };
  Shards.prototype.knows = function (term) {
    return this.entries.has(term);
  };
  /* A serialized lunr index with just these terms: what lunr.Index.load expects. */
  Shards.prototype.assemble = function (terms) {
    var fields = this.manifest.fields;
    var vectors = new Map();
    var inverted = [];
    var self = this;
    var entries = terms.map(function (t) { return self.entries.get(t); });
    entries.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    entries.forEach(function (entry) {
      var posting = { _index: entry[1] };
      fields.forEach(function (name) {
        posting[name] = {};
        (entry[2][name] || []).forEach(function (pair) {
          posting[name][String(pair[0])] = {};
          var key = name + "/" + pair[0];
          if (!vectors.has(key)) {
            vectors.set(key, []);
          }
          vectors.get(key).push([entry[1], pair[1]]);
        });
      });
      inverted.push([entry[0], posting]);
    });
    var fieldVectors = [];
    vectors.forEach(function (pairs, key) {
      pairs.sort(function (a, b) { return a[0] - b[0]; });
      var elements = [];
      pairs.forEach(function (pair) { elements.push(pair[0], pair[1]); });
      fieldVectors.push([key, elements]);
    });
    return {
      version: this.manifest.version,
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: inverted,
      pipeline: this.manifest.pipeline
    };
  };

  /* ---- the search: query.py ---- */

  function Finder(data) {
    this.data = data;
    this.text = new TextPipeline(data);
    this.synonyms = new Synonyms(data.synonyms);
    this.shards = new Shards(data.index);
    this.names = {};
    for (var key in data.facets) {
      this.names[key] = new Map(data.facets[key]);
    }
  }

  Finder.prototype.analyse = async function (query) {
    var text = this.text;
    var typed = text.words(query).filter(function (w) { return !text.stop.has(w); });
    await this.shards.ensure(typed.map(function (w) { return text.stem(w); }));
    var self = this;
    var corrected = typed.map(function (w) {
      return self.shards.knows(text.stem(w)) ? w : correct(w, self.data.vocabulary) || w;
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
        terms.push({ word: match[2], stem: text.stem(match[2]), typed: typed.slice(match[0], match[1]).join(" ") });
      }
      position = match[1];
    });
    await this.shards.ensure(terms.map(function (t) { return t.stem; }));
    return terms;
  };

  /* [{ref, score, stems}] best first, the score weighed by the share of terms matched (query.py). */
  Finder.prototype.rank = function (stems) {
    var self = this;
    var unique = Array.from(new Set(stems)).filter(function (s) { return self.shards.knows(s); });
    if (!unique.length) {
      return [];
    }
    var index = lunr.Index.load(this.shards.assemble(unique));
    var hits = index.query(function (q) {
      unique.forEach(function (s) { q.term(s, { usePipeline: false }); });
    });
    var ranked = hits.map(function (hit) {
      var stems = Object.keys(hit.matchData.metadata);
      return { ref: Number(hit.ref), score: (hit.score * stems.length) / unique.length, stems: stems };
    });
    ranked.sort(function (a, b) {
      return Math.round(b.score * 1e9) - Math.round(a.score * 1e9) || a.ref - b.ref;
    });
    return ranked;
  };

  Finder.prototype.search = async function (query) {
    var terms = await this.analyse(query);
    if (!terms.length) {
      return { terms: terms, hits: this.data.records.map(function (_, ref) { return { ref: ref, score: 0, stems: [] }; }) };
    }
    return { terms: terms, hits: this.rank(terms.map(function (t) { return t.stem; })) };
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

  function accepts(record, selected, except) {
    for (var facet in selected) {
      var values = selected[facet];
      if (facet === except || !values.length) {
        continue;
      }
      if (!record[facet].some(function (v) { return values.indexOf(v) !== -1; })) {
        return false;
      }
    }
    return true;
  }

  /* Each value's count: the results it would give with the other facets' selections kept. */
  function updateCounts(records, hits, selected) {
    fieldsets.forEach(function (fs) {
      var facet = fs.getAttribute("data-facet");
      var counts = new Map();
      hits.forEach(function (hit) {
        var record = records[hit.ref];
        if (accepts(record, selected, facet)) {
          record[facet].forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        }
      });
      fs.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var label = fs.querySelector('label[for="' + box.id + '"] .kb-count');
        if (label) {
          label.textContent = "(" + (counts.get(box.value) || 0) + ")";
        }
      });
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
    parts.forEach(function (part, i) {
      if (!marked[i]) {
        element.appendChild(document.createTextNode(part));
        return;
      }
      var lead = part.match(text.leadRe)[0].length;
      var tail = part.slice(lead).match(text.tailRe)[0].length;
      var mark = document.createElement("mark");
      mark.textContent = part.slice(lead, part.length - tail);
      element.appendChild(document.createTextNode(part.slice(0, lead)));
      element.appendChild(mark);
      element.appendChild(document.createTextNode(part.slice(part.length - tail)));
    });
  }

  function resultItem(finder, hit) {
    var record = finder.data.records[hit.ref];
    var stems = new Set(hit.stems);
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
    var region = record.region.map(function (id) { return finder.names.regions.get(id); }).join(", ");
    var themes = record.themes.map(function (id) { return finder.names.themes.get(id); }).join(", ");
    meta.textContent = region + " · " + themes;
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

  function showNote(terms) {
    var fixed = terms.filter(function (t) { return t.corrected; });
    note.hidden = !fixed.length;
    note.textContent = fixed.length
      ? "Gezocht op: " + fixed.map(function (t) { return "‘" + t.word + "’ (u typte ‘" + t.typed + "’)"; }).join(", ") + "."
      : "";
  }

  var finder = null;
  var shown = [];
  var generation = 0;

  function render(hits) {
    list.textContent = "";
    appendPage(hits, 0);
  }

  function appendPage(hits, from) {
    var old = list.querySelector(".kb-finder-more");
    if (old) {
      old.remove();
    }
    hits.slice(from, from + PAGE_SIZE).forEach(function (hit) { list.appendChild(resultItem(finder, hit)); });
    if (hits.length > from + PAGE_SIZE) {
      var more = document.createElement("li");
      more.className = "kb-finder-more";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "Meer resultaten tonen";
      button.addEventListener("click", function () {
        appendPage(hits, from + PAGE_SIZE);
        var next = list.children[from + PAGE_SIZE];
        var link = next && next.querySelector("a");
        if (link) {
          link.focus();
        }
      });
      more.appendChild(button);
      list.appendChild(more);
    }
  }

  async function update() {
    var state = formState();
    var mine = ++generation;
    var found = await finder.search(state.q);
    if (mine !== generation) {
      return; // a newer query has started meanwhile
    }
    var records = finder.data.records;
    shown = found.hits.filter(function (hit) { return accepts(records[hit.ref], state.selected, null); });
    updateCounts(records, found.hits, state.selected);
    showNote(found.terms);
    status.textContent = shown.length
      ? resultsText(shown.length)
      : "Geen resultaten. Probeer andere woorden of vink minder filters aan.";
    render(shown);
    root.setAttribute("data-ready", String(mine));
  }

  function remember(push) {
    var url = stateUrl(formState());
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  var typingTimer = null;

  function start(data) {
    finder = new Finder(data);
    showState(readState(new URL(initialUrl).search));
    root.hidden = false;
    if (browse) {
      browse.hidden = true;
    }
    input.addEventListener("input", function () {
      update();
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
    return update();
  }

  fetch(assets + "data.json")
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(start)
    .catch(function () {
      root.hidden = false;
      form.hidden = true;
      status.textContent = "Zoeken lukt nu niet. Blader hieronder per thema, doelgroep of regio.";
      if (browse) {
        browse.hidden = false;
      }
    });
})();
