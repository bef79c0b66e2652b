/**
 * The selection on paper: a cover like a print overview's (kicker, the user's title, count, date,
 * contents list), then each practice's block, copied from the print overview of its region, where
 * pages/printing.py made it. One definition of a printed practice, for overviews and selections alike.
 *
 * Full text: the block's 'Wat werkt' (.kb-print-text) is replaced by the practice page's own text,
 * every section of it, one heading level lower. Both pages are this site's, checked by safety.py when
 * built; DOMParser reads them inert (no script runs, nothing loads) and only their nodes are copied.
 * Text from the selection itself (the title, the titles in the contents) is set as text.
 */

import { countText } from "./list.js";

const MONTHS = [
  "januari", "februari", "maart", "april", "mei", "juni",
  "juli", "augustus", "september", "oktober", "november", "december",
];
const KICKER = "Selectie · Kennisbank Aanpak Jeugdwerkloosheid";
export const DEFAULT_TITLE = "Mijn selectie";

function pad(number) {
  return (number < 10 ? "0" : "") + number;
}

export function dutchDate(date) {
  return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The cover: items are {slug, title}; ``siteUrl`` the site's address, written out as on the overviews. */
export function cover(title, items, date, siteUrl) {
  const part = element("div", "kb-print-cover");
  part.appendChild(element("p", "kb-print-kicker", KICKER));
  part.appendChild(element("h1", "", title || DEFAULT_TITLE));
  const facts = element("p", "kb-print-facts", countText(items.length) + " · afgedrukt op ");
  const time = element("time", "kb-print-date", dutchDate(date));
  time.setAttribute("datetime", date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()));
  facts.appendChild(time);
  facts.appendChild(document.createElement("br"));
  facts.appendChild(document.createTextNode("Kennisbank: " + siteUrl));
  part.appendChild(facts);
  const heading = element("h2", "", "In dit overzicht");
  heading.id = "inhoud";
  part.appendChild(heading);
  const list = element("ol");
  for (const item of items) {
    const entry = element("li");
    const anchor = element("a", "", item.title);
    anchor.href = "#" + item.slug;
    entry.appendChild(anchor);
    list.appendChild(entry);
  }
  part.appendChild(list);
  return part;
}

const pages = new Map(); // address -> Promise of its parsed document, or null

/** A page of this site, parsed inert; each address is asked for once per visit. */
export function fetchPage(address) {
  if (!pages.has(address)) {
    const request = fetch(address, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : null))
      .then((html) => (html === null ? null : new DOMParser().parseFromString(html, "text/html")))
      .catch(() => null);
    pages.set(address, request);
  }
  return pages.get(address);
}

/** Copies of the nodes, with links made absolute (they were relative to their own page) and no ids. */
function adopt(nodes, base) {
  return nodes.map((node) => {
    const copy = document.importNode(node, true);
    if (copy.nodeType !== 1) {
      return copy;
    }
    const all = [copy, ...copy.querySelectorAll("*")];
    for (const item of all) {
      if (item.hasAttribute("id")) {
        item.removeAttribute("id");
      }
      if (item.matches("a[href]") && !item.getAttribute("href").startsWith("#")) {
        item.setAttribute("href", new URL(item.getAttribute("href"), base).href);
      }
    }
    // A heading's permalink and a link within its own page lead nowhere in the bundle.
    copy.querySelectorAll("a.headerlink").forEach((anchor) => anchor.remove());
    copy.querySelectorAll("a[href^='#']").forEach((anchor) => anchor.replaceWith(...anchor.childNodes));
    return copy;
  });
}

/** The practice page's text: every node between its contacts and the rule above its source line. */
function pageText(page) {
  const contacts = page.querySelector("article .kb-contacts");
  if (!contacts) {
    return [];
  }
  const nodes = [];
  for (let node = contacts.nextElementSibling; node && node.tagName !== "HR"; node = node.nextElementSibling) {
    nodes.push(node);
  }
  return nodes;
}

function demote(root) {
  // The practice's title is an h2 in a bundle; its sections become h3, theirs h4, and so on.
  root.querySelectorAll("h2, h3, h4, h5").forEach((heading) => {
    const lower = document.createElement("h" + (Number(heading.tagName[1]) + 1));
    lower.append(...heading.childNodes);
    heading.replaceWith(lower);
  });
}

/**
 * The printed block of one practice, or null when the site does not have it (any more).
 * ``place`` gives the addresses: {overview, page} of this practice, absolute.
 */
export async function practiceBlock(slug, place, full) {
  const overview = await fetchPage(place.overview);
  const heading = overview ? overview.getElementById(slug) : null;
  const section = heading ? heading.closest("section.kb-print-practice") : null;
  if (!section) {
    return null;
  }
  const [block] = adopt([section], place.overview);
  block.querySelector("h2").id = slug; // the contents list links here
  return full ? withFullText(block, place.page) : block;
}

/** ``block`` (a print block in this document) with the practice page's whole text in place of 'Wat werkt'. */
export async function withFullText(block, pageAddress) {
  const page = await fetchPage(pageAddress);
  const nodes = page ? adopt(pageText(page), pageAddress) : [];
  if (!nodes.length) {
    return block;
  }
  const holder = element("div", "kb-print-text");
  holder.append(...nodes);
  demote(holder);
  const text = block.querySelector(".kb-print-text");
  if (text) {
    text.replaceWith(holder);
  } else {
    // No 'Wat werkt' in this practice: the text follows the summary, the paragraph after the facts.
    block.querySelector(".kb-print-facts").nextElementSibling.after(holder);
  }
  return block;
}
