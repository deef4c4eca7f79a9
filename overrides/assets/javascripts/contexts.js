// Words in context: on the page with the contexts form (/contexts/), load the page's code
// (contexts-page.js) once and start it; on any other page, nothing is loaded. Runs on every page
// load, instant navigation included (Material's document$).
(function () {
  "use strict";
  const source = document.currentScript.src;
  let loaded = null;

  function start() {
    if (!document.querySelector("form[data-contexts]")) return;
    loaded = loaded || new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("contexts-page.js", source).href;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => { loaded = null; reject(new Error(`${script.src} did not load`)); });
      document.head.append(script);
    });
    loaded.then(() => window.contextsPage());
  }

  if (typeof document$ !== "undefined") document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
