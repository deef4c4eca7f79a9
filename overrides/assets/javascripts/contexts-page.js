// Words in context (/contexts/): every place the articles use a word or phrase, one line each.
// The data is built by corpus/contexts.py: an index file (which words each data file holds, how
// many lines each part of the vocabulary has) and data files of lines, fetched only when a search
// needs them and a batch at a time. Text from the data is only ever set with textContent. The same
// file runs under Node for the bench and the tests (module.exports at the end); on the site,
// contexts.js loads it on the page with the contexts form only, and starts it (contextsPage).
(function () {
  "use strict";

  // A word: letters and digits joined by an apostrophe or a hyphen between two of them; the same
  // rule as corpus/contexts.py (WORD), where [^\W_] is [\p{L}\p{N}].
  const WORD = /[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu;
  const POSSESSIVE = /'s$/i;

  // The words of a text with where each starts and ends.
  function wordsOf(text) {
    return Array.from(text.matchAll(WORD), m => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  }

  // How a word is looked up: lower case, straight apostrophe, no final possessive 's.
  function indexForm(word) {
    const form = word.toLowerCase().replace(/\u2019/g, "'");
    return form.length > 2 && form.endsWith("'s") ? form.slice(0, -2) : form;
  }

  // The same with its capitals kept, for "Match case".
  function caseForm(word) {
    const form = word.replace(/\u2019/g, "'");
    return form.length > 2 && POSSESSIVE.test(form) ? form.slice(0, -2) : form;
  }

  // Whether a word of the text matches a typed word, exactly or by its beginning.
  function matches(word, typed, options) {
    const [have, want] = options.matchCase ? [caseForm(word), caseForm(typed)] : [indexForm(word), indexForm(typed)];
    return options.stem ? have.startsWith(want) : have === want;
  }

  // What was typed: words or phrases separated by commas, each as its words.
  function parseQuery(text, maxPhrase) {
    const seen = new Set();
    const alternatives = [];
    for (const part of text.split(",")) {
      const words = wordsOf(part).map(w => w.text);
      const key = words.join(" ");
      if (!words.length || seen.has(key)) continue;
      seen.add(key);
      alternatives.push({ text: part.trim().replace(/\s+/g, " "), words, tooLong: words.length > maxPhrase });
    }
    return alternatives;
  }

  // The parts of the vocabulary (leaves: [prefix, exact, count, first file, last file]) that hold
  // a typed word, and its number of lines where the index knows it.
  function leavesFor(index, typed, stem) {
    const form = indexForm(typed);
    if (stem) {
      const under = index.leaves.filter(leaf => leaf[0].startsWith(form));
      if (under.length) return { leaves: under, total: under.reduce((sum, leaf) => sum + leaf[2], 0) };
    } else {
      const exact = index.leaves.find(leaf => leaf[1] && leaf[0] === form);
      if (exact) return { leaves: [exact], total: exact[2] };
    }
    const holder = index.leaves.find(leaf => !leaf[1] && form.startsWith(leaf[0]));
    return holder ? { leaves: [holder], total: null } : { leaves: [], total: 0 };
  }

  // The data files of some leaves, in order.
  function filesOf(leaves) {
    const files = [];
    for (const leaf of leaves) for (let n = leaf[3]; n <= leaf[4]; n++) if (!files.includes(n)) files.push(n);
    return files;
  }

  // One search: what was typed and how, the files it needs (the anchor word of each phrase is the
  // one whose lines take the fewest files), the files loaded so far, and its lines.
  class Search {
    constructor(index, query) {
      this.index = index;
      this.options = { stem: query.match === "stem", matchCase: Boolean(query.matchCase) };
      this.alternatives = parseQuery(query.q || "", index.phrase);
      this.loaded = new Map();
      for (const alt of this.alternatives) {
        if (alt.tooLong) { alt.files = []; alt.total = 0; continue; }
        const found = alt.words.map(word => leavesFor(index, word, this.options.stem));
        const costs = found.map(f => filesOf(f.leaves).length);
        alt.anchor = costs.indexOf(Math.min(...costs));
        alt.files = filesOf(found[alt.anchor].leaves);
        // The index counts a word's lines in any case; a phrase is counted once its lines are in.
        const single = alt.words.length === 1 && !this.options.matchCase;
        alt.total = found[alt.anchor].total === 0 ? 0 : single ? found[0].total : null;
      }
      this.files = [];
      for (const alt of this.alternatives) for (const n of alt.files) if (!this.files.includes(n)) this.files.push(n);
    }

    // The files the next batch fetches.
    nextBatch() {
      return this.files.filter(n => !this.loaded.has(n)).slice(0, this.index.batch);
    }

    get complete() {
      return this.files.every(n => this.loaded.has(n));
    }

    // Fetch the next batch with fetchFile(number) -> the file's data.
    async more(fetchFile) {
      const batch = this.nextBatch();
      const data = await Promise.all(batch.map(fetchFile));
      batch.forEach((n, i) => this.loaded.set(n, data[i]));
      return batch;
    }

    // Every line found in the files loaded, each occurrence once, in collection order.
    lines() {
      const found = [];
      const seen = new Set();
      this.alternatives.forEach((alt, which) => {
        alt.found = 0;
        for (const n of alt.files) {
          const file = this.loaded.get(n);
          if (!file) continue;
          for (const term of Object.keys(file.lines)) {
            const typed = indexForm(alt.words[alt.anchor]);
            if (this.options.stem ? !term.startsWith(typed) : term !== typed) continue;
            for (const row of file.lines[term]) {
              const line = this.match(row, alt);
              if (!line) continue;
              const key = `${line.article}:${line.position}:${alt.words.length}`;
              if (seen.has(key)) continue;
              seen.add(key);
              line.alternative = which;
              alt.found += 1;
              found.push(line);
            }
          }
        }
      });
      return found.sort((a, b) => a.article - b.article || a.position - b.position);
    }

    // A line of the data as a line of the page, if the words around its anchor word make the phrase.
    match(row, alt) {
      const [article, position, anchor, left, word, right] = row;
      const k = alt.anchor;
      const n = alt.words.length;
      if (!matches(word, alt.words[k], this.options)) return null;
      let cut = left.length;
      let end = 0;
      if (n > 1) {
        const before = wordsOf(left);
        const after = wordsOf(right);
        if (before.length < k || after.length < n - 1 - k) return null;
        for (let i = 0; i < k; i++) if (!matches(before[before.length - k + i].text, alt.words[i], this.options)) return null;
        for (let i = 0; i < n - 1 - k; i++) if (!matches(after[i].text, alt.words[k + 1 + i], this.options)) return null;
        if (k) cut = before[before.length - k].start;
        if (n - 1 - k) end = after[n - 2 - k].end;
      }
      return {
        article, position: position - k, anchor,
        left: left.slice(0, cut), word: left.slice(cut) + word + right.slice(0, end), right: right.slice(end)
      };
    }
  }

  // Lines in the order asked for: the collection's, or by the words before (nearest first) or after.
  function sortLines(lines, order) {
    if (order !== "left" && order !== "right") return lines;
    const key = line => {
      const words = wordsOf(order === "left" ? line.left : line.right).map(w => w.text.toLowerCase());
      return (order === "left" ? words.reverse() : words).join(" ");
    };
    const keyed = lines.map(line => [key(line), line]);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1].article - b[1].article || a[1].position - b[1].position));
    return keyed.map(pair => pair[1]);
  }

  // What a line's link calls the place it leads to.
  function placeOf(anchor) {
    if (anchor === "article-title") return "headline";
    const paragraph = /^p(\d+)$/.exec(anchor);
    return paragraph ? `paragraph ${paragraph[1]}` : "heading";
  }

  // ---------------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------------

  function contextsPage() {
    const form = document.querySelector("form[data-contexts]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    const status = document.querySelector("[data-contexts-status]");
    const results = document.querySelector("[data-contexts-results]");
    const moreButton = document.querySelector("[data-contexts-more]");
    const view = form.querySelector("[data-contexts-view]");
    const root = form.dataset.root;
    let index = null;
    let search = null;
    let generation = 0;
    const number = value => value.toLocaleString("en");

    const loadIndex = async () => {
      if (!index) {
        const response = await fetch(form.dataset.index, { cache: "no-cache" });
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        index = await response.json();
        index.url = new URL(`${index.folder}/`, response.url);
      }
      return index;
    };
    const fetchFile = async n => {
      const response = await fetch(new URL(`${n}.json`, index.url));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    };

    // The form's state as the page's address, so that a shared link repeats the view.
    const state = () => ({
      q: form.elements.q.value.trim(),
      match: form.elements.match.value === "stem" ? "stem" : "exact",
      matchCase: form.elements.case.checked,
      sort: form.elements.sort.value,
      article: form.elements.article.value
    });
    const remember = () => {
      const s = state();
      const params = new URLSearchParams();
      if (s.q) params.set("q", s.q);
      if (s.match === "stem") params.set("match", "stem");
      if (s.matchCase) params.set("case", "1");
      if (s.sort) params.set("sort", s.sort);
      if (s.article) params.set("article", s.article);
      const query = params.toString();
      history.replaceState(history.state, "", `${location.pathname}${query ? "?" + query : ""}`);
    };

    const quoted = alt => `\u201c${alt.text}\u201d`;
    const describe = (lines, shown, articles) => {
      const s = search;
      const phrase = s.alternatives.some(alt => alt.words.length > 1);
      const how = [s.options.stem ? "words beginning with" : `exact word${phrase ? "s" : ""}`, s.options.matchCase ? "matching case" : ""]
        .filter(Boolean).join(", ");
      const parts = s.alternatives.length > 1
        ? s.alternatives.map(alt => `${quoted(alt)} (${number(alt.found)})`).join(", ")
        : quoted(s.alternatives[0]);
      const unit = count => `${number(count)} line${count === 1 ? "" : "s"}`;
      let text;
      if (s.complete) {
        text = lines.length ? `${unit(lines.length)} for ${parts} (${how}), in ${number(articles)} article${articles === 1 ? "" : "s"}.`
          : `No line for ${parts} (${how}).`;
      } else {
        const totals = s.alternatives.map(alt => alt.total);
        const total = totals.every(t => t !== null) ? totals.reduce((a, b) => a + b, 0) : null;
        text = total !== null
          ? `${unit(lines.length)} of ${number(total)} for ${parts} (${how}) listed so far; more are a batch away.`
          : `${unit(lines.length)} for ${parts} (${how}) listed so far; more may be a batch away.`;
      }
      if (shown !== null) text += ` Showing the ${unit(shown)} in the article chosen.`;
      return text;
    };

    // List the lines found so far, sorted and filtered as the form says.
    const render = () => {
      const s = search;
      results.replaceChildren();
      moreButton.hidden = !s || s.complete;
      if (!s) { view.hidden = true; return; }
      if (!s.alternatives.length) {
        view.hidden = true;
        status.textContent = "No word in what was typed: a word is made of letters or digits.";
        return;
      }
      const tooLong = s.alternatives.find(alt => alt.tooLong);
      if (tooLong) {
        view.hidden = true;
        status.textContent = `A phrase can have at most ${index.phrase} words; ${quoted(tooLong)} has ${tooLong.words.length}.`;
        return;
      }
      const lines = s.lines();
      const counts = new Map();
      for (const line of lines) counts.set(line.article, (counts.get(line.article) || 0) + 1);
      // The article filter lists the articles the lines are in, keeping the choice if it still applies.
      const select = form.elements.article;
      const chosen = select.value || new URLSearchParams(location.search).get("article") || "";
      select.replaceChildren(new Option("All articles", ""));
      for (const [article, count] of [...counts].sort((a, b) => a[0] - b[0])) {
        const [slug, title, truncated] = index.articles[article];
        select.append(new Option(`${title}${truncated ? "\u2026" : ""} (${number(count)})`, slug));
      }
      select.value = [...select.options].some(o => o.value === chosen) ? chosen : "";
      const slug = select.value;
      const wanted = slug ? index.articles.findIndex(a => a[0] === slug) : -1;
      const shown = sortLines(slug ? lines.filter(line => line.article === wanted) : lines, form.elements.sort.value);
      view.hidden = lines.length === 0;
      status.textContent = describe(lines, slug ? shown.length : null, counts.size);
      if (!shown.length) return;
      const table = document.createElement("table");
      table.className = "contexts-lines";
      table.dataset.contextsLines = "";
      const caption = table.createCaption();
      caption.textContent = "Each line: the words before, the word or phrase, the words after, and the place in its article (a link).";
      const head = table.createTHead().insertRow();
      for (const label of ["Before", "Word", "After", "Article and place"]) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = label;
        head.append(th);
      }
      const body = table.createTBody();
      for (const line of shown) {
        const [articleSlug, title, truncated] = index.articles[line.article];
        const row = body.insertRow();
        row.dataset.article = articleSlug;
        row.dataset.position = line.position;
        row.dataset.anchor = line.anchor;
        const left = row.insertCell();
        left.className = "contexts-left";
        const inner = document.createElement("span");
        inner.textContent = line.left.trim();
        left.append(inner);
        const word = document.createElement("th");
        word.scope = "row";
        word.className = "contexts-word";
        word.textContent = line.word;
        row.append(word);
        const right = row.insertCell();
        right.className = "contexts-right";
        right.textContent = line.right.trim();
        const place = row.insertCell();
        place.className = "contexts-place";
        const link = document.createElement("a");
        link.href = `${root}articles/${articleSlug}/#${line.anchor}`;
        link.textContent = `${title}${truncated ? "\u2026" : ""}, ${placeOf(line.anchor)}`;
        place.append(link);
      }
      results.append(table);
    };

    // Start a search from the form, or fetch its next batch.
    const run = async (fresh) => {
      const mine = ++generation;
      const s = state();
      if (fresh) {
        if (!s.q) { search = null; status.textContent = "Type a word or phrase, then press Enter."; render(); return; }
        status.textContent = "Loading\u2026";
        try {
          await loadIndex();
        } catch (error) {
          status.textContent = `The lines could not be loaded (${error.message}).`;
          return;
        }
        if (mine !== generation) return;
        search = new Search(index, { q: s.q, match: s.match, matchCase: s.matchCase });
        if (search.alternatives.some(alt => alt.tooLong)) { render(); return; }
      } else {
        status.textContent = "Loading\u2026";
      }
      const current = search;
      try {
        await current.more(fetchFile);
      } catch (error) {
        if (mine === generation) status.textContent = `The lines could not be loaded (${error.message}).`;
        return;
      }
      if (mine !== generation) return;
      render();
      if (fresh) remember();
    };

    form.addEventListener("submit", event => {
      event.preventDefault();
      remember();
      run(true);
    });
    // A new way of matching is a new search; the order and the article only change what is shown.
    form.addEventListener("change", event => {
      const name = event.target.name;
      if (name === "match" || name === "case") {
        remember();
        if (form.elements.q.value.trim()) run(true);
      } else if (name === "sort" || name === "article") {
        remember();
        if (search) render();
      }
    });
    moreButton.addEventListener("click", () => run(false));

    // A shared link: the address sets the form, and the search runs at once. (The page took q
    // out of the address as it loaded, before Material's search could open for it.)
    const params = new URLSearchParams(location.search);
    form.elements.q.value = form.dataset.q ?? params.get("q") ?? "";
    form.elements.match.value = params.get("match") === "stem" ? "stem" : "exact";
    form.elements.case.checked = params.get("case") === "1";
    const sort = params.get("sort");
    form.elements.sort.value = sort === "left" || sort === "right" ? sort : "";
    if (form.elements.q.value.trim()) run(true);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { WORD, wordsOf, indexForm, caseForm, parseQuery, leavesFor, Search, sortLines, placeOf };
  } else {
    window.contextsPage = contextsPage;
  }
})();
