// Search, for people and for speed.
//
// Material renders each search result's tags as an unnamed <nav>, so an open result list
// holds many navigation landmarks no screen reader can tell apart (axe: landmark-unique).
// Name each after its result. Only the result list is watched: the page's own changes
// (tooltips, the table of contents) cost nothing here.
const results = document.querySelector(".md-search-result");
if (results)
  new MutationObserver(() => {
    const all = [...results.querySelectorAll("nav.md-tags")];
    for (const tags of all.filter(tags => !tags.hasAttribute("aria-label"))) {
      const title = tags.closest("article")?.querySelector("h1, h2")?.textContent.trim() || "result";
      tags.setAttribute("aria-label", `Tags of result ${all.indexOf(tags) + 1}: ${title}`);
    }
  }).observe(results, { childList: true, subtree: true });

// Material searches when a key is released: a reader waits for every key to come back up,
// and text that arrives without a key (pasted from the menu, dictated) is not searched at all.
// Search as soon as the text changes, by telling Material's search box what it listens for;
// the key's own release then finds the same text and starts no second search.
document.addEventListener("input", event => {
  if (event.target.matches(".md-search__input"))
    event.target.dispatchEvent(new KeyboardEvent("keyup"));
});
