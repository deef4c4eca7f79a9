// Material renders each search result's tags as an unnamed <nav>, so an open result list
// holds many navigation landmarks no screen reader can tell apart (axe: landmark-unique).
// Name each after its result.
new MutationObserver(() => {
  for (const tags of document.querySelectorAll(".md-search-result nav.md-tags:not([aria-label])")) {
    const title = tags.closest("article")?.querySelector("h1, h2")?.textContent.trim() || "result";
    const rank = [...document.querySelectorAll(".md-search-result nav.md-tags")].indexOf(tags) + 1;
    tags.setAttribute("aria-label", `Tags of result ${rank}: ${title}`);
  }
}).observe(document.body, { childList: true, subtree: true });
