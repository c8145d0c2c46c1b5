// Material's search box, answered by Pagefind (overrides/partials/search.html, src/marginalia/search.py).
// Pagefind's script and index are the site's own files under pagefind/; it is loaded on the first
// query, and each query fetches only the index chunks and page fragments it needs. Results are
// built with textContent and <mark> elements: nothing from the index is parsed as HTML.

const RESULTS = 10; // as many as Material shows before "more": each fetches its page's fragment
const SECTIONS = 3;
const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

const form = document.querySelector("form.md-search__form[data-pagefind]");
const input = form.querySelector("input.md-search__input");
const meta = document.querySelector(".md-search-result__meta");
const list = document.querySelector(".md-search-result__list");
const toggle = document.getElementById("__search");
const bundle = new URL(form.dataset.pagefind, document.baseURI);
let pagefind = null;
let latest = 0;

// Pagefind's addresses start at the site's root, the folder above pagefind/. A large site is indexed
// in shards (src/marginalia/search.py): pagefind/shards.json lists the other bundles, searched as one.
function load() {
  pagefind ??= import(bundle.href).then(async (module) => {
    const baseUrl = new URL("..", bundle).pathname;
    await module.options({ baseUrl });
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

function item(page) {
  const entry = document.createElement("li");
  entry.className = "md-search-result__item";
  entry.append(article(page.url, page.meta.title, page.excerpt, "md-search-result__article--document"));
  const sections = (page.sub_results ?? []).filter((section) => section.url !== page.url);
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

async function show() {
  const ticket = ++latest;
  const query = input.value.trim();
  if (!query) {
    meta.textContent = form.dataset.placeholder;
    list.replaceChildren();
    return;
  }
  const module = await load();
  const found = await module.search(query);
  const pages = await Promise.all(found.results.slice(0, RESULTS).map((result) => result.data()));
  if (ticket !== latest) return; // a later query has been typed meanwhile
  meta.textContent = count(found.results.length);
  list.replaceChildren(...pages.map(item));
}

// Material's search component, which is not mounted here, opens the dialog on focus, on "f", "s" or "/",
// moves through the results with the arrow keys and closes on Escape: do the same.
const OPEN = new Set(["f", "s", "/"]);

function move(step) {
  const stops = [input, ...list.querySelectorAll("a.md-search-result__link")];
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
