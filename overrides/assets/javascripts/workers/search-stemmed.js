// Material's search worker, with typed words stemmed like the index and hyphenated compounds
// found from their parts. Material starts this worker in place of its own (overrides/base.html);
// the build names Material's worker, found in the theme's files, in this script's query string:
// search-stemmed.js?material=search.<hash>.min.js.
//
// 1. Material appends a wildcard to every typed term ("escalate" becomes "escalate*"), and
//    lunr skips the search pipeline for wildcard terms, so a whole word never met its stem
//    in the index ("escal"): "escalate" found nothing. Stem the term before the wildcard.
// 2. lunr's query lexer kept its own separator; give it the site's.
// 3. Words typed together must all be in a section, before any one of them is enough.
// 4. The separator keeps hyphenated compounds whole ("asia-pacific"), so that a search for
//    "Indo-Pacific" ranks the article that uses it first. So that "Pacific" still finds
//    "Asia-Pacific", each typed word also matches as the part after a hyphen, boosted less.
// 5. The first search a fresh worker runs is its slowest (nothing is compiled yet): the index
//    answers a few throw-away queries as soon as it is built, before the reader types.

function patch(lunr) {
  const stem = term => {
    const token = lunr.stemmer(new lunr.Token(term));
    return token ? token.toString() : term;
  };

  // lunr copied the default separator ([\s\-]+) into its query lexer when it loaded;
  // use the site's, as Material set it for the index, so queries split like documents.
  const run = lunr.QueryLexer.prototype.run;
  lunr.QueryLexer.prototype.run = function () {
    lunr.QueryLexer.termSeparator = lunr.tokenizer.separator;
    return run.call(this);
  };

  // Stem every "word*" clause, wherever a query is parsed (results and highlighting alike).
  const parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    const query = parse.call(this);
    for (const clause of query.clauses)
      if (/^[^*]+\*$/.test(clause.term))
        clause.term = stem(clause.term.slice(0, -1)) + "*";
    return query;
  };

  // Words typed together must all be in the same section; only when no section has them
  // all do the results fall back to any of them (Material's default). Each plain word may
  // also match as the part of a compound after a hyphen: the compounds that hold "-word"
  // are listed from the index once, which is much cheaper than a leading wildcard per key.
  lunr.Index.prototype.search = function (queryString) {
    const { PROHIBITED, REQUIRED, OPTIONAL } = lunr.Query.presence;
    const compounds = this.compounds ??= Object.keys(this.invertedIndex).filter(term => term.includes("-"));
    const search = allWords => this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse();
      const words = query.clauses.filter(clause => clause.presence !== PROHIBITED);
      for (const clause of words) {
        if (allWords) clause.presence = REQUIRED;
        const word = /^([^*\-]+)\*$/.exec(clause.term);
        if (word)
          for (const term of compounds)
            if (term.includes("-" + word[1]))
              query.clause({ term, fields: clause.fields, boost: 0.5, usePipeline: false, presence: OPTIONAL });
      }
    });
    const words = queryString.trim().split(lunr.tokenizer.separator).filter(Boolean);
    const all = words.length > 1 ? search(true) : [];
    return all.length ? all : search(false);
  };

  // Warm the query code on each index as it is built, in the background.
  const build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    const index = build.call(this);
    for (const query of ["a", "ab", "ab cd", "ab-cd"])
      index.search(query);
    return index;
  };
}

// Load Material's worker at once, beside the index Material is fetching, so that both are
// ready together; Material's worker answers every message from then on.
const material = new URL(self.location.href).searchParams.get("material");
if (!/^[\w.-]+\.js$/.test(material || ""))
  throw new Error(`search-stemmed.js needs ?material=<Material's worker file>, got ${material}`);
importScripts(material);
patch(self.lunr);
