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
  // Where the site divides the original's lines into paragraphs: each paragraph's first line.
  const lines = template.dataset.lines ? JSON.parse(template.dataset.lines) : {};
  for (const link of text.querySelectorAll("p[id] > a.paralink")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "paracite";
    const id = link.parentElement.id;
    const line = lines[id];
    button.dataset.clipboardText = citation.replace(slot, id) + (line
      ? ` Paragraph ${id.slice(1)} as the site divides the text; line ${line} of the original text.`
      : "");
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
