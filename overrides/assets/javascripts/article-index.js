// The article index: sort by title, date or length, filter by source and tag. The table is
// complete without this script; it only reorders and hides rows. Runs on every page load,
// instant navigation included (Material's document$).
function articleIndex() {
  const table = document.querySelector("table[data-article-index]");
  const form = document.querySelector("form[data-article-index-controls]");
  if (!table || !form || table.dataset.ready) return;
  table.dataset.ready = "true";
  form.hidden = false;
  const body = table.tBodies[0];
  const rows = [...body.rows];
  const keys = {
    title: row => row.dataset.title,
    date: row => row.dataset.date,
    words: row => Number(row.dataset.words)
  };

  // Each sortable heading becomes a button; a second press reverses the order.
  for (const heading of table.querySelectorAll("th[data-sort]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "article-index-sort";
    button.textContent = heading.textContent;
    heading.textContent = "";
    heading.append(button);
    button.addEventListener("click", () => {
      const ascending = heading.getAttribute("aria-sort") !== "ascending";
      for (const other of table.querySelectorAll("th[data-sort]")) other.removeAttribute("aria-sort");
      heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = keys[heading.dataset.sort];
      // Rows without a date go last whichever way dates are sorted.
      const sorted = rows.slice().sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (x === "" || y === "") return (x === "") - (y === "");
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      body.append(...sorted);
    });
  }

  const filter = () => {
    const source = form.elements.source.value;
    const tag = form.elements.tag.value;
    let shown = 0;
    for (const row of rows) {
      const visible = (!source || row.dataset.source === source) &&
        (!tag || row.dataset.tags.split("|").includes(tag));
      row.hidden = !visible;
      shown += visible;
    }
    form.elements.shown.value = `${shown} of ${rows.length} articles`;
  };
  form.addEventListener("change", filter);
}

if (typeof document$ !== "undefined") document$.subscribe(articleIndex);
else document.addEventListener("DOMContentLoaded", articleIndex);
