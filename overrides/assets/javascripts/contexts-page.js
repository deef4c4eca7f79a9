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

  // What was typed: words or phrases separated by commas, each as its words; one that starts
  // with a minus sign names a phrase whose lines are left out ("China, -South China Sea").
  function parseQuery(text, maxPhrase) {
    const seen = new Set();
    const alternatives = [];
    for (const part of text.split(",")) {
      const trimmed = part.trim();
      const exclude = trimmed.startsWith("-");
      const words = wordsOf(trimmed).map(w => w.text);
      const key = `${exclude ? "-" : ""}${words.join(" ")}`;
      if (!words.length || seen.has(key)) continue;
      seen.add(key);
      const shown = (exclude ? trimmed.slice(1) : trimmed).trim().replace(/\s+/g, " ");
      alternatives.push({ text: shown, words, exclude, tooLong: words.length > maxPhrase });
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

  // Whether a line's word or phrase lies inside an occurrence of a phrase left out. Its line
  // holds the words within `words` of its anchor word, which take in any phrase of at most
  // words + 1 words around it.
  function within(line, out, options) {
    const n = line.length;
    const m = out.words.length;
    if (m < n) return false;
    for (let q = Math.max(0, line.start + n - m); q <= line.start && q + m <= line.tokens.length; q++) {
      if (out.words.every((w, i) => matches(line.tokens[q + i].text, w, options))) return true;
    }
    return false;
  }

  // Each place in the text once: where lines overlap in an article, the longer one is kept (of
  // two as long, the one typed first, then the earlier in the text). A line dropped for another
  // is noted on it (line.under: the line kept).
  function onePerPlace(lines) {
    const order = [...lines].sort((a, b) => b.length - a.length || a.alternative - b.alternative
      || a.article - b.article || a.position - b.position);
    const taken = new Map();
    const kept = [];
    for (const line of order) {
      const keys = Array.from({ length: line.length }, (_, i) => `${line.article}:${line.position + i}`);
      const holder = keys.map(key => taken.get(key)).find(Boolean);
      if (holder) { line.under = holder; continue; }
      for (const key of keys) taken.set(key, line);
      kept.push(line);
    }
    return kept;
  }

  // One search: what was typed and how, the files it needs (the anchor word of each phrase is the
  // one whose lines take the fewest files, among those whose line can hold the whole phrase), the
  // files loaded so far, and its lines. `alternatives` are what is listed, `exclusions` what is
  // left out, `total` the number of lines where the index gives it before they are all in.
  class Search {
    constructor(index, query) {
      this.index = index;
      this.options = { stem: query.match === "stem", matchCase: Boolean(query.matchCase) };
      const parsed = parseQuery(query.q || "", index.phrase);
      this.alternatives = parsed.filter(alt => !alt.exclude);
      this.exclusions = parsed.filter(alt => alt.exclude);
      this.tooLong = parsed.find(alt => alt.tooLong) || null;
      this.loaded = new Map();
      const counted = new Map();
      let known = !this.options.matchCase && !this.exclusions.length;
      for (const alt of this.alternatives) {
        alt.found = 0;
        alt.under = [];
        alt.files = [];
        if (this.tooLong) continue;
        const found = alt.words.map(word => leavesFor(index, word, this.options.stem));
        const n = alt.words.length;
        let cheapest = Infinity;
        found.forEach((f, k) => {
          const cost = filesOf(f.leaves).length;
          if (k <= index.words && n - 1 - k <= index.words && cost < cheapest) [cheapest, alt.anchor] = [cost, k];
        });
        alt.files = filesOf(found[alt.anchor].leaves);
        // The index counts a word's lines in any case: the total of single words is the sum of the
        // parts of the vocabulary they take in, each once. A phrase is counted once its lines are in.
        if (n > 1 || found[0].total === null) known = false;
        else for (const leaf of found[0].leaves) counted.set(leaf, leaf[2]);
      }
      this.total = known ? [...counted.values()].reduce((a, b) => a + b, 0) : null;
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

    // Every line found in the files loaded, each place once, in collection order. Counts each
    // alternative's lines (alt.found) and the alternatives its places were listed under
    // (alt.under), and each exclusion's places left out (out.found).
    lines() {
      const listed = [];
      const left = this.exclusions.map(() => []);
      this.alternatives.forEach((alt, which) => {
        if (!alt.files.length) return;
        const typed = indexForm(alt.words[alt.anchor]);
        for (const n of alt.files) {
          const file = this.loaded.get(n);
          if (!file) continue;
          for (const term of Object.keys(file.lines)) {
            if (this.options.stem ? !term.startsWith(typed) : term !== typed) continue;
            for (const row of file.lines[term]) {
              const line = this.match(row, alt);
              if (!line) continue;
              line.alternative = which;
              const out = this.exclusions.findIndex(ex => within(line, ex, this.options));
              delete line.tokens;
              (out < 0 ? listed : left[out]).push(line);
            }
          }
        }
      });
      this.exclusions.forEach((ex, i) => { ex.found = onePerPlace(left[i]).length; });
      const kept = onePerPlace(listed);
      for (const alt of this.alternatives) { alt.found = 0; alt.under = []; }
      for (const line of kept) this.alternatives[line.alternative].found += 1;
      for (const line of listed) {
        const alt = this.alternatives[line.alternative];
        const holder = line.under && line.under.alternative;
        if (line.under && holder !== line.alternative && !alt.under.includes(holder)) alt.under.push(holder);
      }
      return kept.sort((a, b) => a.article - b.article || a.position - b.position);
    }

    // A line of the data as a line of the page, if the words around its anchor word make the
    // phrase: its place (article, first word, paragraph), its length in words, its text before,
    // itself and after, and (for lines()) the words of its context with the phrase's first.
    match(row, alt) {
      const [article, position, anchor, left, word, right] = row;
      const k = alt.anchor;
      const n = alt.words.length;
      if (!matches(word, alt.words[k], this.options)) return null;
      const text = left + word + right;
      const before = wordsOf(left);
      const after = left.length + word.length;
      const tokens = [
        ...before, { text: word, start: left.length, end: after },
        ...wordsOf(right).map(w => ({ text: w.text, start: w.start + after, end: w.end + after }))
      ];
      const start = before.length - k;
      if (start < 0 || start + n > tokens.length) return null;
      for (let i = 0; i < n; i++) if (i !== k && !matches(tokens[start + i].text, alt.words[i], this.options)) return null;
      const from = tokens[start].start;
      const to = tokens[start + n - 1].end;
      return {
        article, position: position - k, anchor, length: n, tokens, start,
        left: text.slice(0, from), word: text.slice(from, to), right: text.slice(to)
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

  // Why a search lists nothing before it starts, if it cannot: no word, nothing but what is
  // left out, or a phrase longer than a line can hold.
  function refusal(search) {
    if (search.tooLong) {
      return `A phrase can have at most ${search.index.phrase} words; \u201c${search.tooLong.text}\u201d has ${search.tooLong.words.length}.`;
    }
    if (search.alternatives.length) return null;
    return search.exclusions.length
      ? "A word or phrase after a minus sign is only left out: type one to list as well."
      : "No word in what was typed: a word is made of letters or digits.";
  }

  // What the status line says of a search's lines: how many, for what and how matched, in how
  // many articles, what was left out and whether more are to come. `shown`: the lines of the
  // article chosen, or null for all articles.
  function describe(search, lines, shown, articles) {
    const s = search;
    const number = value => value.toLocaleString("en");
    const quoted = alt => `\u201c${alt.text}\u201d`;
    const unit = count => `${number(count)} line${count === 1 ? "" : "s"}`;
    const listOf = items => items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : items[0];
    const phrase = s.alternatives.some(alt => alt.words.length > 1);
    const how = [s.options.stem ? "words beginning with" : `exact word${phrase ? "s" : ""}`, s.options.matchCase ? "matching case" : ""]
      .filter(Boolean).join(", ");
    // Each line is counted under the form it is listed under; a form whose places all went to
    // others says where they are rather than 0.
    const count = alt => alt.found || !alt.under.length ? number(alt.found)
      : `listed under ${listOf(alt.under.map(i => quoted(s.alternatives[i])))}`;
    const parts = s.alternatives.length > 1
      ? s.alternatives.map(alt => `${quoted(alt)} (${count(alt)})`).join(", ")
      : quoted(s.alternatives[0]);
    const out = s.exclusions.length ? `; left out: ${s.exclusions.map(ex => `${number(ex.found)} within ${quoted(ex)}`).join(", ")}` : "";
    let text;
    if (s.complete) {
      text = lines.length
        ? `${unit(lines.length)} for ${parts} (${how}), in ${number(articles)} article${articles === 1 ? "" : "s"}${out}.`
        : `No line for ${parts} (${how})${out}.`;
    } else if (s.total !== null) {
      text = `${unit(lines.length)} of ${number(s.total)} for ${parts} (${how}) listed so far${out}; press Show more lines for the rest.`;
    } else {
      text = `${unit(lines.length)} for ${parts} (${how}) listed so far${out}; there may be more: press Show more lines.`;
    }
    if (shown !== null) text += ` Showing the ${unit(shown)} in the article chosen.`;
    return text;
  }

  // ---------------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------------

  const PROMPT = "Type a word or phrase, then press Enter.";

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
        index.url = new URL(".", response.url);
      }
      return index;
    };
    const fetchFile = async n => {
      const response = await fetch(new URL(index.files[n], index.url));
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

    // List the lines found so far, sorted and filtered as the form says.
    const render = () => {
      const s = search;
      results.replaceChildren();
      moreButton.hidden = !s || s.complete;
      if (!s) { view.hidden = true; return; }
      const refused = refusal(s);
      if (refused) {
        view.hidden = true;
        status.textContent = refused;
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
      status.textContent = describe(s, lines, slug ? shown.length : null, counts.size);
      if (!shown.length) return;
      const table = document.createElement("table");
      table.className = "contexts-lines";
      table.dataset.contextsLines = "";
      const caption = table.createCaption();
      caption.textContent = "Each line: the words before, the word or phrase, the words after, and its place and article (a link).";
      const head = table.createTHead().insertRow();
      for (const label of ["Before", "Word", "After", "Place and article"]) {
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
        // The place first: where the cell is too narrow for both, the title is cut, not the place.
        const link = document.createElement("a");
        link.href = `${root}articles/${articleSlug}/#${line.anchor}`;
        link.textContent = `${placeOf(line.anchor)}, ${title}${truncated ? "\u2026" : ""}`;
        place.append(link);
      }
      results.append(table);
    };

    // Start a search from the form, or fetch its next batch.
    const run = async (fresh) => {
      const mine = ++generation;
      const s = state();
      if (fresh) {
        if (!s.q) { search = null; status.textContent = PROMPT; render(); return; }
        status.textContent = "Loading\u2026";
        try {
          await loadIndex();
        } catch (error) {
          status.textContent = `The lines could not be loaded (${error.message}).`;
          return;
        }
        if (mine !== generation) return;
        search = new Search(index, { q: s.q, match: s.match, matchCase: s.matchCase });
        if (refusal(search)) { render(); return; }
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
    // The prompt needs this code, so the page has none without it.
    if (form.elements.q.value.trim()) run(true);
    else status.textContent = PROMPT;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { WORD, wordsOf, indexForm, caseForm, parseQuery, leavesFor, Search, sortLines, placeOf, refusal, describe };
  } else {
    window.contextsPage = contextsPage;
  }
})();
