// On an article page, put "Copy citation with this paragraph's link" beside each paragraph's
// ¶ permalink. The citation is the one the header offers first (built with the page, kept in
// a <template>), with the paragraph's anchor in place of its slot; Material's clipboard
// handler copies any [data-clipboard-text] and confirms with its "Copied" notice.
function paragraphCitations() {
  const template = document.querySelector("template.paragraph-citation");
  const text = document.querySelector(".article-text[data-article]");
  if (!template || !text || text.dataset.citeReady) return;
  text.dataset.citeReady = "true";
  const citation = template.content.textContent;
  const slot = template.dataset.slot;
  for (const link of text.querySelectorAll("p[id] > a.paralink")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "paracite";
    button.dataset.clipboardText = citation.replace(slot, link.parentElement.id);
    const label = document.createElement("span");
    label.textContent = "Copy citation";
    const rest = document.createElement("span");
    rest.className = "visually-hidden";
    rest.textContent = " with this paragraph's link";
    button.append(label, rest);
    link.after(button);
  }
}

if (typeof document$ !== "undefined") document$.subscribe(paragraphCitations);
else document.addEventListener("DOMContentLoaded", paragraphCitations);
