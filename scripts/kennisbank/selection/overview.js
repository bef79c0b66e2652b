/**
 * The choice before printing a print overview (theme, target group, region): compact, as built, or
 * full text, where each practice's block gets the whole text of its page (bundle.js, as a selection
 * printed in full). Loaded by store.js on overview pages only. Without a script the overview prints
 * compact.
 */

import { withFullText } from "./bundle.js";

// This module lies in assets/selection/ below the site's root.
const siteRoot = new URL("../../", import.meta.url);
const WORKERS = 4;

/** The practice page of a block on this site: its printed public address, moved to this site's root. */
function pageAddress(block, publicRoot) {
  const online = block.querySelector(".kb-print-source a.kb-url");
  if (!online || !online.href.startsWith(publicRoot)) {
    return null;
  }
  return new URL(online.href.slice(publicRoot.length), siteRoot).href;
}

function radio(name, value, label, checked) {
  const wrapper = document.createElement("span");
  const input = document.createElement("input");
  input.type = "radio";
  input.name = name;
  input.value = value;
  input.id = name + "-" + value;
  input.checked = checked;
  const text = document.createElement("label");
  text.htmlFor = input.id;
  text.textContent = label;
  wrapper.append(input, " ", text, " ");
  return wrapper;
}

export function enhance() {
  const actions = document.querySelector(".kb-print-cover .kb-print-actions");
  const links = document.querySelectorAll(".kb-print-cover .kb-print-facts a.kb-url");
  if (!actions || !links.length || actions.querySelector(".kb-print-mode")) {
    return;
  }
  const publicRoot = links[links.length - 1].href;
  const blocks = [...document.querySelectorAll("section.kb-print-practice")];
  const compact = new Map(blocks.map((block) => [block, block.querySelector(".kb-print-text")]));
  const fieldset = document.createElement("fieldset");
  fieldset.className = "kb-print-mode";
  const legend = document.createElement("legend");
  legend.textContent = "Tekst op papier";
  fieldset.append(
    legend,
    radio("kb-print-tekst", "compact", "Compact", true),
    radio("kb-print-tekst", "volledig", "Volledige tekst van elk praktijkvoorbeeld", false),
  );
  const status = document.createElement("p");
  status.className = "kb-small kb-print-mode-status";
  status.setAttribute("role", "status");
  actions.before(fieldset, status);

  let run = 0;
  fieldset.addEventListener("change", async (event) => {
    const current = ++run;
    if (event.target.value === "compact") {
      for (const block of blocks) {
        const text = block.querySelector(".kb-print-text");
        const original = compact.get(block);
        if (text && text !== original) {
          if (original) {
            text.replaceWith(original);
          } else {
            text.remove();
          }
        }
      }
      status.textContent = "Compact: zoals hieronder.";
      return;
    }
    let done = 0;
    status.textContent = "Volledige tekst laden…";
    const queue = blocks.slice();
    const work = async () => {
      for (let block = queue.shift(); block; block = queue.shift()) {
        const address = pageAddress(block, publicRoot);
        if (current !== run) {
          return;
        }
        if (address) {
          await withFullText(block, address);
        }
        done += 1;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, work));
    if (current === run) {
      status.textContent = "Volledige tekst van " + done + " praktijkvoorbeelden geladen; u kunt afdrukken.";
    }
  });
}
