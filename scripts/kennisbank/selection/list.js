/**
 * "Mijn selectie" without a page: the stored format, the shared address (?p=slug,slug,…) and the
 * list operations. Pure functions on plain values, so node tests them (tests/js/selection.test.mjs)
 * and the page modules (store.js, page.js) only move values between these and the page.
 *
 * Everything read here comes from outside the code: the browser's storage (another script on the
 * site, an older version, a user's hand) and the address (anyone's link). So every reader accepts
 * any string and returns a valid value, counting what it had to leave out.
 */

export const STORAGE_KEY = "kennisbank-selectie";
export const FORMAT = 1;
// Enough for any meeting; a longer list in a link is cut here, before any work per item.
export const MAX_ITEMS = 100;
export const MAX_TITLE = 120;
// As the schema's SLUG_PATTERN and MAX_SLUG_LENGTH (scripts/kennisbank/schema.py).
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 80;
// A link longer than this is not read at all: its first MAX_ITEMS slugs fit easily in it.
const MAX_PARAM = MAX_ITEMS * (MAX_SLUG + 1);

export function isSlug(value) {
  return typeof value === "string" && value.length <= MAX_SLUG && SLUG.test(value);
}

export function cleanTitle(value) {
  if (typeof value !== "string") {
    return "";
  }
  // One line of ordinary text: control characters and runs of white space become one space.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim().slice(0, MAX_TITLE);
}

export function emptySelection() {
  return { title: "", items: [] };
}

/** The stored string -> {title, items: [{slug, title}]}; junk gives an empty or shorter selection. */
export function readStored(raw) {
  const result = emptySelection();
  if (typeof raw !== "string" || raw === "") {
    return result;
  }
  let data;
  try {
    data = JSON.parse(raw);
  } catch {
    return result;
  }
  if (!data || typeof data !== "object" || data.v !== FORMAT || !Array.isArray(data.items)) {
    return result;
  }
  result.title = cleanTitle(data.title);
  const seen = new Set();
  for (const item of data.items) {
    if (result.items.length >= MAX_ITEMS) {
      break;
    }
    if (item && isSlug(item.slug) && !seen.has(item.slug)) {
      seen.add(item.slug);
      result.items.push({ slug: item.slug, title: cleanTitle(item.title) || item.slug });
    }
  }
  return result;
}

export function serialise(selection) {
  return JSON.stringify({
    v: FORMAT,
    title: cleanTitle(selection.title),
    items: selection.items.map((item) => ({ slug: item.slug, title: item.title })),
  });
}

/**
 * The value of ?p= -> {slugs, junk, cut}: the valid slugs in order without repeats (at most
 * MAX_ITEMS), how many parts were no slug, and how many valid ones were cut off past the limit.
 */
export function parseShared(value) {
  const result = { slugs: [], junk: 0, cut: 0 };
  if (typeof value !== "string" || value === "") {
    return result;
  }
  if (value.length > MAX_PARAM) {
    value = value.slice(0, MAX_PARAM);
    result.cut = 1; // at least one; the exact number of a too-long link does not matter
  }
  const seen = new Set();
  for (const raw of value.split(",")) {
    const part = raw.trim();
    if (part === "") {
      continue;
    }
    if (!isSlug(part)) {
      result.junk += 1;
    } else if (!seen.has(part)) {
      seen.add(part);
      if (result.slugs.length < MAX_ITEMS) {
        result.slugs.push(part);
      } else {
        result.cut += 1;
      }
    }
  }
  return result;
}

/** The query of a share link: 'p=a,b,c' (slugs need no escaping). */
export function shareQuery(items) {
  return "p=" + items.map((item) => item.slug).join(",");
}

export function indexOf(items, slug) {
  return items.findIndex((item) => item.slug === slug);
}

/** Add the practice at the end, or take it out when it is there: a new list. */
export function toggle(items, slug, title) {
  const at = indexOf(items, slug);
  if (at >= 0) {
    return items.filter((_, index) => index !== at);
  }
  if (!isSlug(slug) || items.length >= MAX_ITEMS) {
    return items.slice();
  }
  return [...items, { slug, title: cleanTitle(title) || slug }];
}

/** The item at ``index`` moved by ``delta`` places (-1 up, 1 down), kept within the list: a new list. */
export function move(items, index, delta) {
  const target = Math.min(items.length - 1, Math.max(0, index + delta));
  const copy = items.slice();
  if (index < 0 || index >= items.length || target === index) {
    return copy;
  }
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item);
  return copy;
}

export function removeAt(items, index) {
  return items.filter((_, at) => at !== index);
}

/**
 * The items checked against the practices the site has (a Map slug -> title): the known ones, with
 * the site's current title, and the slugs the site no longer has.
 */
export function reconcile(items, known) {
  const kept = [];
  const unknown = [];
  for (const item of items) {
    if (known.has(item.slug)) {
      kept.push({ slug: item.slug, title: known.get(item.slug) });
    } else {
      unknown.push(item.slug);
    }
  }
  return { items: kept, unknown };
}

/** The slug of a practice page's address ('/praktijkvoorbeelden/<slug>/'), or '' for any other page. */
export function slugFromPath(path) {
  const match = /\/praktijkvoorbeelden\/([^/]+)\/(?:index\.html)?$/.exec(path || "");
  return match && isSlug(match[1]) ? match[1] : "";
}

const NUMBER_WORDS = ["praktijkvoorbeeld", "praktijkvoorbeelden"];

export function countText(count) {
  return count + " " + NUMBER_WORDS[count === 1 ? 0 : 1];
}

/** A list of names for a message: 'a', 'a en b', 'a, b en c'. */
export function names(values) {
  if (values.length <= 1) {
    return values.join("");
  }
  return values.slice(0, -1).join(", ") + " en " + values[values.length - 1];
}
