// At the end of an article's page, show its part of the site's analysis: fetch the page of its
// own (articles/<slug>/collection.html, in the same folder, so that its links lead to the same
// places) and put its section in place of the link to it. Links to this article's own paragraphs
// are written "./#p3" there, so that they lead here from that page too; here they become "#p3".
// Runs on every page load, instant navigation included (Material's document$).
function articleCollection() {
  for (const slot of document.querySelectorAll(".article-collection-slot[data-collection]")) {
    const link = slot.querySelector("a[href]");
    if (!link || slot.dataset.loading) continue;
    slot.dataset.loading = "true";
    fetch(link.href)
      .then(response => {
        if (!response.ok) throw new Error(`${link.href}: ${response.status}`);
        return response.text();
      })
      .then(text => {
        const section = new DOMParser().parseFromString(text, "text/html").querySelector("section.article-collection");
        if (!section || !slot.isConnected) return;
        for (const anchor of section.querySelectorAll('a[href^="./#"]')) anchor.setAttribute("href", anchor.getAttribute("href").slice(2));
        slot.replaceWith(document.adoptNode(section));
      })
      .catch(error => {
        delete slot.dataset.loading;
        console.warn(error);
      });
  }
}

if (typeof document$ !== "undefined") document$.subscribe(articleCollection);
else document.addEventListener("DOMContentLoaded", articleCollection);
