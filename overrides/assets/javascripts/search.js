// Material's search box, answered by Pagefind (overrides/partials/search.html, src/marginalia/search.py).
// Pagefind's script and index are the site's own files under pagefind/; it is loaded on the first
// query, and each query fetches only the index chunks and page fragments it needs. Only the reading
// pages are indexed (texts, glossary, bibliography: their content carries data-pagefind-body), not
// the guides for editors and developers. Results are built with textContent and <mark> elements:
// nothing from the index is parsed as HTML.
//
// The entry a query names comes first, then the texts, then the other glossary entries, then the other
// pages (a text's pages carry a Pagefind filter, the other pages' words weigh less: src/marginalia/site.py). Each page is listed
// once, with its matching sections beneath it; ten pages show, and a button shows ten more. A result's link carries the query (?highlight=…), and the page it opens marks the words
// found (Pagefind's highlight script). A name the glossary knows spelled a little differently
// ("Kruschev") is offered: "Did you mean Nikita Khrushchev?", from glossary/names.json.

const RESULTS = 10; // pages per screenful: each fetches its page's fragment
const TEXTS = { kind: "text" }; // the one filter value of the index: a text's pages (src/marginalia/site.py)
const SECTIONS = 3;
const HIGHLIGHT = "highlight";
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

const form = document.querySelector("form.md-search__form[data-pagefind]");
const input = form.querySelector("input.md-search__input");
const meta = document.querySelector(".md-search-result__meta");
const list = document.querySelector(".md-search-result__list");
const toggle = document.getElementById("__search");
const bundle = new URL(form.dataset.pagefind, document.baseURI);
const root = new URL("..", bundle);
let pagefind = null;
let names = null;
let latest = 0;

// Pagefind's addresses start at the site's root, the folder above pagefind/. A large site is indexed
// in shards (src/marginalia/search.py): pagefind/shards.json lists the other bundles, searched as one.
function load() {
  pagefind ??= import(bundle.href).then(async (module) => {
    const baseUrl = root.pathname;
    // Long pages (a text) are not to lose against short ones (an entry naming the word once): length barely counts.
    await module.options({ baseUrl, highlightParam: HIGHLIGHT, ranking: { pageLength: 0.1 } });
    const response = await fetch(new URL("shards.json", bundle));
    const shards = response.ok ? await response.json() : [];
    await Promise.all(shards.map((shard) => module.mergeIndex(new URL(shard, bundle).pathname, { baseUrl })));
    return module;
  });
  return pagefind;
}

// Pagefind's excerpts are escaped text with the matches in <mark>: rebuilt as nodes, never parsed.
function excerpt(marked) {
  const text = (part) => part.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]);
  return marked.split(/(<mark>.*?<\/mark>)/s).map((part) => {
    if (!part.startsWith("<mark>")) return document.createTextNode(text(part));
    const mark = document.createElement("mark");
    mark.textContent = text(part.slice(6, -7));
    return mark;
  });
}

function article(url, title, marked, className) {
  const link = document.createElement("a");
  link.href = url;
  link.className = "md-search-result__link";
  link.tabIndex = -1;
  const body = document.createElement("article");
  body.className = `md-search-result__article ${className} md-typeset`;
  const heading = document.createElement(className.endsWith("--document") ? "h1" : "h2");
  heading.textContent = title;
  const paragraph = document.createElement("p");
  paragraph.append(...excerpt(marked));
  body.append(heading, paragraph);
  link.append(body);
  return link;
}

// A page once, then the sections that match in it: not the page's own opening section again.
function item(page) {
  const entry = document.createElement("li");
  entry.className = "md-search-result__item";
  entry.append(article(page.url, page.meta.title, page.excerpt, "md-search-result__article--document"));
  const own = (section) => section.url.split("#")[0] === page.url.split("#")[0] && !section.url.includes("#");
  const sections = (page.sub_results ?? []).filter(
    (section) => !own(section) && section.title.trim() !== page.meta.title.trim()
  );
  for (const section of sections.slice(0, SECTIONS)) {
    entry.append(article(section.url, section.title, section.excerpt, "md-search-result__article--section"));
  }
  return entry;
}

function count(total) {
  if (total === 0) return form.dataset.none;
  if (total === 1) return form.dataset.one;
  return form.dataset.other.replace("#", String(total));
}

// Folded for comparison: lower case, no diacritics, "ё" as "е".
function fold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

// The edit distance between two words (insertions, deletions, substitutions, swaps of neighbours).
function distance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

// The glossary's names (glossary/names.json), fetched on the first query.
function glossaryNames() {
  names ??= fetch(new URL("glossary/names.json", root)).then((response) => (response.ok ? response.json() : []));
  return names;
}

// What a query says of the glossary: the entry it names (one of its forms, spelled so) and the entry whose name
// it misspells ("Kruschev": a near form, when it names none).
async function named(query) {
  const entries = await glossaryNames();
  const wanted = fold(query.trim());
  let near = null;
  for (const entry of entries) {
    const words = entry.forms.flatMap((form) => [form, ...form.split(/\s+/)]).map(fold);
    if (entry.forms.map(fold).includes(wanted)) return { entry, near: null };
    if (words.includes(wanted) || wanted.length < 4) continue;
    for (const word of words) {
      if (Math.abs(word.length - wanted.length) > 2) continue;
      const off = distance(wanted, word);
      if (off <= Math.max(1, Math.floor(word.length / 4)) && (!near || off < near.off)) near = { entry, off };
    }
  }
  const spelled = entries.some((entry) => entry.forms.flatMap((f) => f.split(/\s+/)).map(fold).includes(wanted));
  return { entry: null, near: spelled || !near ? null : near.entry };
}

// Pagefind's results for a query: the texts' pages, then the rest by score (the other pages' words weigh less than
// an entry's, so the entries come before them); the page of the entry the query names first.
async function results(module, query, entry) {
  const [texts, all] = await Promise.all([module.search(query, { filters: TEXTS }), module.search(query)]);
  const ids = new Set(texts.results.map((result) => result.id));
  const rest = all.results.filter((result) => !ids.has(result.id));
  const ordered = [...texts.results, ...rest];
  if (!entry) return ordered;
  const wanted = new URL(entry.url, root).pathname;
  const loaded = await Promise.all(rest.slice(0, RESULTS).map(async (result) => [result, await result.data()]));
  const first = loaded.find(([, page]) => new URL(page.url, root).pathname === wanted);
  return first ? [first[0], ...ordered.filter((result) => result !== first[0])] : ordered;
}

function offer(entry) {
  const line = document.createElement("li");
  line.className = "md-search-result__item search-suggestion";
  const link = document.createElement("a");
  link.href = new URL(entry.url, root).href;
  link.className = "md-search-result__link";
  link.textContent = entry.name;
  line.append("Did you mean ", link, "?");
  return line;
}

function more(found, shown, ticket) {
  const line = document.createElement("li");
  line.className = "md-search-result__item search-more";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.textContent = `Show ${Math.min(RESULTS, found.length - shown)} more results`;
  button.addEventListener("click", async () => {
    const pages = await Promise.all(found.slice(shown, shown + RESULTS).map((result) => result.data()));
    if (ticket !== latest) return;
    const rest = found.length > shown + RESULTS ? [more(found, shown + RESULTS, ticket)] : [];
    line.replaceWith(...pages.map(item), ...rest);
    list.querySelectorAll("a.md-search-result__link")[shown]?.focus();
  });
  line.append(button);
  return line;
}

async function show() {
  const ticket = ++latest;
  const query = input.value.trim();
  if (!query) {
    meta.textContent = form.dataset.placeholder;
    list.replaceChildren();
    return;
  }
  const module = await load();
  const glossary = await named(query);
  const found = await results(module, query, glossary.entry);
  const pages = await Promise.all(found.slice(0, RESULTS).map((result) => result.data()));
  if (ticket !== latest) return; // a later query has been typed meanwhile
  meta.textContent = count(found.length);
  list.replaceChildren(
    ...(glossary.near ? [offer(glossary.near)] : []),
    ...pages.map(item),
    ...(found.length > RESULTS ? [more(found, RESULTS, ticket)] : [])
  );
}

// On a page opened from a result, mark the words searched for, and bring the first into view.
async function highlight() {
  if (!new URLSearchParams(window.location.search).has(HIGHLIGHT)) return;
  const module = await import(new URL("pagefind-highlight.js", bundle).href);
  new module.default({ highlightParam: HIGHLIGHT, addStyles: false, markOptions: { className: "search-highlight" } });
  const first = document.querySelector("mark.search-highlight");
  if (first && !window.location.hash) first.scrollIntoView({ block: "center" });
}

// Material's search component, which is not mounted here, opens the dialog on focus, on "f", "s" or "/",
// moves through the results with the arrow keys and closes on Escape: do the same.
const OPEN = new Set(["f", "s", "/"]);

function move(step) {
  const stops = [input, ...list.querySelectorAll("a.md-search-result__link, .search-more button")];
  const next = stops.indexOf(document.activeElement) + step;
  stops[Math.max(0, Math.min(next, stops.length - 1))].focus();
}

input.addEventListener("focus", () => {
  toggle.checked = true;
});
input.addEventListener("input", show);
document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (!toggle.checked) {
    if (OPEN.has(event.key) && !event.target.closest("input, textarea, select, [contenteditable]")) {
      event.preventDefault();
      input.focus();
    }
  } else if (event.key === "Escape") {
    toggle.checked = false;
    input.blur();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    move(event.key === "ArrowDown" ? 1 : -1);
  }
});
form.addEventListener("reset", () => setTimeout(show));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  list.querySelector("a")?.click();
});
highlight();
