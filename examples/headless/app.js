// A page of the Mutual Learning Platform, read from its content API and shown
// here: by path (?path=/en/programmes/) or id (?id=12), in another language
// (the links under the header), or a draft (?token=…, opened from Wagtail's
// preview panel). ?api= names the site (default http://127.0.0.1:8000); the
// site lets this origin read its API (CORS), see `make example`.
"use strict";

const params = new URLSearchParams(window.location.search);
const API = (params.get("api") || "http://127.0.0.1:8000").replace(/\/$/, "");
const LANGUAGES = { en: "English", es: "Español", fr: "Français" };
// The typed endpoint of each page type; others use /api/v1/pages/{id}/.
const ENDPOINTS = {
  "catalogue.ProgrammePage": "programmes",
  "catalogue.ModulePage": "modules",
  "catalogue.SessionTopicPage": "session-topics",
  "events.LearningEventPage": "event-pages",
  "publications.PublicationPage": "publications",
  "videos.VideoPage": "videos",
  "pages.StandardPage": "standard-pages",
};
// Fields every page has: not shown as content.
const META = new Set([
  "id", "type", "title", "slug", "locale", "url", "parent_id", "fallback",
  "first_published_at", "last_published_at", "translations",
]);

const content = document.getElementById("content");
const statusLine = document.getElementById("status");

async function getJSON(path) {
  const response = await fetch(API + path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `HTTP ${response.status}`);
    error.code = body.code || String(response.status);
    throw error;
  }
  return body;
}

function element(name, text, attributes = {}) {
  const node = document.createElement(name);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function addressWith(changes) {
  const next = new URLSearchParams({ api: API });
  for (const [key, value] of Object.entries(changes)) next.set(key, value);
  return "?" + next.toString();
}

// Rich text arrives as HTML the site's editors wrote (Wagtail keeps it to its
// own elements); anything else is shown as text.
function renderValue(value) {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") {
    if (value.trim().startsWith("<")) {
      const box = element("div");
      box.innerHTML = value;
      return box;
    }
    return element("p", value);
  }
  if (Array.isArray(value)) {
    if (value.length && value[0] && "type" in value[0] && "value" in value[0]) {
      return renderBlocks(value);
    }
    const list = element("ul");
    value.forEach((item) => {
      const shown = renderValue(item);
      if (shown) list.append(wrap("li", shown));
    });
    return list;
  }
  if (typeof value === "object") {
    if (value.url && value.title) return wrap("p", element("a", value.title, { href: value.url }));
    if (value.renditions) {
      const card = value.renditions.card;
      return element("img", null, { src: card.url, alt: value.title, width: card.width, height: card.height });
    }
    const box = element("div");
    Object.values(value).forEach((child) => {
      const shown = renderValue(child);
      if (shown) box.append(shown);
    });
    return box;
  }
  return element("p", value);
}

function wrap(name, child) {
  const node = element(name);
  node.append(child);
  return node;
}

function renderBlocks(blocks) {
  const box = element("div", null, { class: "blocks" });
  blocks.forEach((block) => {
    const shown = renderValue(block.value);
    if (shown) box.append(shown);
  });
  return box;
}

function renderPage(page) {
  content.replaceChildren();
  content.setAttribute("lang", page.locale);
  content.append(element("h1", page.title));
  for (const [name, value] of Object.entries(page)) {
    if (META.has(name)) continue;
    const shown = renderValue(value);
    if (!shown) continue;
    if (name === "introduction" || name === "summary") shown.classList.add("lead");
    content.append(shown);
  }
  document.title = `${page.title} · Headless example`;
  statusLine.textContent = `Showing ${page.title}`;
}

function renderLanguages(page) {
  const nav = document.getElementById("languages");
  nav.replaceChildren();
  for (const [code, translation] of Object.entries(page.translations || {})) {
    if (!translation.id) continue;
    const link = element("a", LANGUAGES[code] || code, {
      href: addressWith({ id: translation.id }),
      lang: code,
      hreflang: code,
    });
    if (code === page.locale) link.setAttribute("aria-current", "true");
    nav.append(link);
  }
  nav.hidden = !nav.childElementCount;
}

function renderError(error) {
  content.replaceChildren();
  content.append(element("h1", "This page cannot be shown"));
  const box = element("p", error.message, { class: "error", "data-code": error.code || "" });
  content.append(box);
  statusLine.textContent = error.message;
}

async function pageById(id) {
  const summary = await getJSON(`/api/v1/pages/${encodeURIComponent(id)}/`);
  const endpoint = ENDPOINTS[summary.type];
  return endpoint ? getJSON(`/api/v1/${endpoint}/${summary.id}/`) : summary;
}

async function pageByPath(path) {
  const found = await getJSON(`/api/v1/pages/find/?path=${encodeURIComponent(path)}`);
  return pageById(found.id);
}

async function show() {
  const token = params.get("token");
  const asked = params.get("path") || params.get("id") || "";
  document.getElementById("page").value = asked;
  try {
    let page;
    if (token) {
      document.getElementById("preview-banner").hidden = false;
      page = await getJSON(`/api/v1/preview/?token=${encodeURIComponent(token)}`);
    } else if (/^\d+$/.test(asked)) {
      page = await pageById(asked);
    } else if (asked) {
      page = await pageByPath(asked);
    } else {
      return;
    }
    renderPage(page);
    if (!token) renderLanguages(page);
  } catch (error) {
    renderError(error);
  }
}

document.getElementById("finder").addEventListener("submit", (event) => {
  event.preventDefault();
  const asked = document.getElementById("page").value.trim();
  window.location.search = addressWith(/^\d+$/.test(asked) ? { id: asked } : { path: asked });
});

show();
