// At the end of an article's page, show its part of the site's analysis: fetch the page of its
// own (articles/<slug>/collection.html, in the same folder, so that its links lead to the same
// places) and put its section in place of the link to it. Links to this article's own paragraphs
// are written "./#p3" there, so that they lead here from that page too; here they become "#p3".
// Runs on every page load, instant navigation included (Material's document$), with the tags.
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

// On an article's page the theme's tag chips (.md-tags, which both engines print above the
// content) follow the text, under a line that says what a tag is; the stylesheet keeps them out
// of the article's first screen until then.
function tagsAfterText() {
  const text = document.querySelector(".md-content__inner > .article-text");
  const tags = text && text.parentElement.querySelector(":scope > .md-tags");
  if (!tags) return;
  const wrapper = document.createElement("div");
  wrapper.className = "article-tags";
  const label = document.createElement("p");
  const link = document.createElement("a");
  const first = tags.querySelector("a[href]");
  link.href = first ? first.getAttribute("href").split("#")[0] : "";
  link.textContent = "what makes a tag";
  label.append("Tags (", link, "):");
  wrapper.append(label, tags);
  text.after(wrapper);
}

function articleEnd() {
  tagsAfterText();
  articleCollection();
}

if (typeof document$ !== "undefined") document$.subscribe(articleEnd);
else document.addEventListener("DOMContentLoaded", articleEnd);
