// The colour scheme switch in the header (overrides/partials/palette.html): what Material's palette
// component does, without its cost at load. Material's script mounts the component by setting the
// page's colour attributes again, with transitions off, and reading the header's computed style:
// the browser restyles and lays out the whole page twice while it loads. Here the attributes are
// set only where they differ (the script in the page's head has set a stored choice before the
// first paint), and the browser's colour metadata is read once the page is idle.
//
// As Material's: the choice cycles automatic -> light -> dark (each label switches to the next),
// Enter on the switch moves on too, the choice is kept for the site (__md_set, which the head's
// script reads on every page), and "automatic" follows the system's preference as it changes.
(function () {
  "use strict";
  const form = document.querySelector("form[data-palette]");
  if (!form || typeof __md_get === "undefined") return;
  const inputs = [...form.querySelectorAll("input")];
  if (!inputs.length) return;
  const light = matchMedia("(prefers-color-scheme: light)");
  // A reader whose browser keeps no site data, or a value this script cannot read: nothing stored.
  let stored = null;
  try {
    stored = __md_get("__palette");
  } catch (error) {
    // left as null
  }
  const first = stored && Number.isInteger(stored.index) ? stored.index
    : inputs.findIndex(input => matchMedia(input.getAttribute("data-md-color-media")).matches);
  let index = Math.max(0, Math.min(first, inputs.length - 1));

  // The colours an option stands for: "automatic" takes those of the light or the dark option.
  function colours(input) {
    const media = input.getAttribute("data-md-color-media");
    const source = media !== "(prefers-color-scheme)" ? input : form.querySelector(light.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']") || input;
    const colour = name => source.getAttribute(`data-md-color-${name}`);
    return { media, scheme: colour("scheme"), primary: colour("primary"), accent: colour("accent") };
  }

  // The metadata Material keeps for the browser: the header's colour and the colour scheme.
  const themeColour = Object.assign(document.createElement("meta"), { name: "theme-color" });
  const colourScheme = Object.assign(document.createElement("meta"), { name: "color-scheme" });
  document.head.append(themeColour, colourScheme);
  function describe() {
    const header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    const style = getComputedStyle(header);
    colourScheme.content = style.colorScheme;
    const rgb = style.backgroundColor.match(/\d+/g) || [];
    themeColour.content = "#" + rgb.slice(0, 3).map(c => (+c).toString(16).padStart(2, "0")).join("");
  }

  function choose(chosen) {
    index = chosen;
    const color = colours(inputs[index]);
    // No stylesheet reads the media attribute: setting it costs nothing.
    document.body.setAttribute("data-md-color-media", color.media);
    const changed = ["scheme", "primary", "accent"].filter(name => document.body.getAttribute(`data-md-color-${name}`) !== color[name]);
    if (changed.length) {
      // No colour transitions while the scheme switches (Material's rule for this attribute).
      document.body.setAttribute("data-md-color-switching", "");
      for (const name of changed) document.body.setAttribute(`data-md-color-${name}`, color[name]);
      // Off again once the new colours are drawn (two frames: the first draws them).
      requestAnimationFrame(() => requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching")));
    }
    inputs.forEach((input, i) => {
      const label = input.nextElementSibling;
      if (label instanceof HTMLElement) label.hidden = i !== index;
    });
    try {
      __md_set("__palette", { index, color });
    } catch (error) {
      // Not kept where the browser keeps no site data: this page still switches.
    }
  }

  // A switch the reader makes, or the system's, reads the metadata at once.
  function switchTo(chosen) {
    choose(chosen);
    describe();
  }

  choose(index);
  if (window.requestIdleCallback) requestIdleCallback(describe, { timeout: 2000 });
  else setTimeout(describe, 200);
  form.addEventListener("change", event => {
    const chosen = inputs.indexOf(event.target);
    if (chosen >= 0) switchTo(chosen);
  });
  form.addEventListener("keydown", event => {
    if (event.key !== "Enter") return;
    const next = inputs[(index + 1) % inputs.length];
    next.click();
    next.focus();
  });
  const followSystem = () => {
    if (inputs[index].getAttribute("data-md-color-media") === "(prefers-color-scheme)") switchTo(index);
  };
  // Older Safari (before 14) knows only addListener.
  if (light.addEventListener) light.addEventListener("change", followSystem);
  else light.addListener(followSystem);
})();
