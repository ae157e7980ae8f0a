// Presentation only: lists what the core returns and shows its preview.
import { BackendError, rpc } from "./rpc";
import type { PostSummary, SearchHit } from "./types";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLUListElement>("posts");
const search = $<HTMLInputElement>("search");
const meta = $<HTMLElement>("meta");
const preview = $<HTMLIFrameElement>("preview");
const errorBox = $<HTMLDivElement>("error");

let selected: number | null = null;
let searchSeq = 0;

function showError(e: unknown): void {
  errorBox.textContent = e instanceof BackendError ? e.message : "Something went wrong; nothing saved was lost.";
  errorBox.hidden = false;
  window.setTimeout(() => (errorBox.hidden = true), 6000);
}

function localDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" }) : "";
}

function item(id: number, title: string, detail: string, snippetHtml?: string): HTMLLIElement {
  const li = document.createElement("li");
  li.role = "option";
  li.dataset.id = String(id);
  li.tabIndex = 0;
  const t = document.createElement("strong");
  t.textContent = title;
  const d = document.createElement("small");
  d.textContent = detail;
  li.append(t, d);
  if (snippetHtml !== undefined) {
    const s = document.createElement("p");
    s.className = "snippet";
    // The core escapes the snippet and adds only <mark>; nothing else is trusted here.
    s.innerHTML = snippetHtml;
    li.append(s);
  }
  li.addEventListener("click", () => void open(id));
  li.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") void open(id);
  });
  if (id === selected) li.setAttribute("aria-selected", "true");
  return li;
}

function renderList(posts: PostSummary[]): void {
  list.replaceChildren(
    ...posts.map((p) => item(p.id, p.title, `${p.status} · ${p.lang.toUpperCase()} · ${localDate(p.publish_at ?? p.updated_at)}`)),
  );
}

function renderHits(hits: SearchHit[]): void {
  if (hits.length === 0) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = "No post matches.";
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...hits.map((h) => item(h.id, h.title, `${h.status} · ${h.lang.toUpperCase()}`, h.snippet)));
}

async function refresh(): Promise<void> {
  const q = search.value.trim();
  const seq = ++searchSeq;
  try {
    if (q === "") {
      const posts = await rpc.listPosts({ sort: "updated" });
      if (seq === searchSeq) renderList(posts);
    } else {
      const hits = await rpc.searchPosts(q);
      if (seq === searchSeq) renderHits(hits);
    }
  } catch (e) {
    showError(e);
  }
}

async function open(id: number): Promise<void> {
  selected = id;
  for (const li of list.querySelectorAll("li")) {
    li.toggleAttribute("aria-selected", li.dataset.id === String(id));
  }
  try {
    const [post, view] = await Promise.all([rpc.getPost(id), rpc.previewPost(id)]);
    meta.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = post.title;
    const s = document.createElement("p");
    s.textContent = `${view.word_count} words · ${view.reading_minutes} min read · ${post.tags.join(", ")}`;
    meta.append(h, s);
    preview.srcdoc = view.document;
  } catch (e) {
    showError(e);
  }
}

search.addEventListener("input", () => void refresh());
document.addEventListener("keydown", (ev) => {
  if ((ev.ctrlKey || ev.metaKey) && ev.shiftKey && ev.key.toLowerCase() === "f") {
    ev.preventDefault();
    search.focus();
  }
});

void (async () => {
  await refresh();
  const first = list.querySelector<HTMLLIElement>("li[data-id]");
  if (first?.dataset.id) await open(Number(first.dataset.id));
})();
