// Run searches of the words-in-context page under Node, with the page's own code
// (overrides/assets/javascripts/contexts-page.js), against a built data folder, and report what each
// search downloads, batch by batch. Used by tests/test_contexts.py and bench/contexts_size.py.
//
//   node contexts-query.cjs <folder holding index.json> <searches.json>
//
// searches.json: [{"q": "...", "match": "exact" | "stem", "matchCase": false, "batches": 1, "rows": false}]
// ("batches": how many to fetch at most, 0 for all; "rows": list each line). Prints a JSON list:
// for each search its lines, counts and the status line the page would show.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Search, describe, refusal } = require(path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "contexts-page.js"));

async function main() {
  const [folder, searchesFile] = process.argv.slice(2);
  const indexBytes = fs.readFileSync(path.join(folder, "index.json"));
  const index = JSON.parse(indexBytes);
  const searches = JSON.parse(fs.readFileSync(searchesFile, "utf8"));
  const gzipped = bytes => zlib.gzipSync(bytes, { level: 6 }).length;
  const results = [];
  for (const query of searches) {
    const search = new Search(index, query);
    const batches = [];
    const fetchFile = async n => {
      const bytes = fs.readFileSync(path.join(folder, index.files[n]));
      const batch = batches[batches.length - 1];
      batch.raw += bytes.length;
      batch.gzip += gzipped(bytes);
      return JSON.parse(bytes);
    };
    // The first batch also fetches the index file.
    batches.push({ files: search.nextBatch(), raw: indexBytes.length, gzip: gzipped(indexBytes) });
    await search.more(fetchFile);
    const first = search.lines().length;
    const limit = query.batches === undefined ? 1 : query.batches;
    while (!search.complete && (limit === 0 || batches.length < limit)) {
      batches.push({ files: search.nextBatch(), raw: 0, gzip: 0 });
      await search.more(fetchFile);
    }
    const lines = search.lines();
    const articles = new Set(lines.map(line => line.article)).size;
    results.push({
      q: query.q,
      refused: refusal(search),
      complete: search.complete,
      total: search.total,
      first,
      lines: lines.length,
      found: search.alternatives.map(alt => alt.found),
      under: search.alternatives.map(alt => alt.under),
      left_out: search.exclusions.map(ex => ex.found),
      status: refusal(search) || describe(search, lines, null, articles),
      batches,
      rows: query.rows ? lines.map(line => [index.articles[line.article][0], line.position, line.anchor, line.word, line.alternative]) : undefined
    });
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch(error => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
