// Wiring: the library, the editor, the preview, autosave and the panels.
// Presentation only: every rule (slugs, revisions, rendering, search) is the core's.
import { createEditor } from "./editor";
import { PreviewFrame } from "./preview";
import { BackendError, rpc } from "./rpc";
import type { ListFilter, BlockPreview, Post, PostPatch, PostSummary, Revision, SearchHit, Status } from "./types";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLUListElement>("posts");
const search = $<HTMLInputElement>("search");
const meta = $<HTMLFormElement>("meta");
const errorBox = $<HTMLDivElement>("error");
const saveState = $<HTMLSpanElement>("st-save");

const AUTOSAVE_MS = 500;

let current: Post | null = null;
let saved: Post | null = null; // what the library holds for `current`
let saveTimer: number | undefined;
let saving: Promise<void> = Promise.resolve();
let showTrash = false;
let listSeq = 0;
let lastPreview: BlockPreview | null = null;

// ---------- errors and status ----------

function showError(e: unknown): void {
  errorBox.textContent = e instanceof BackendError ? e.message : "Something went wrong; nothing saved was lost.";
  errorBox.hidden = false;
  window.setTimeout(() => (errorBox.hidden = true), 6000);
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

function localDate(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" }) : "";
}

// ---------- preview ----------

const preview = new PreviewFrame(
  $<HTMLIFrameElement>("preview"),
  (url) => rpc.openLink(url).catch(showError),
  (fraction) => syncScroll("preview", fraction),
);
let rendering = false;
let renderAgain = false;

/** Render the editor's text; a newer request supersedes any in flight. */
async function renderPreview(): Promise<void> {
  if (!current) return;
  if (rendering) {
    renderAgain = true;
    return;
  }
  rendering = true;
  try {
    do {
      renderAgain = false;
      const post: Post | null = current;
      if (!post) break;
      const reset = preview.needsAll();
      // One call per change: the preview, and the edit kept by the backend for a close.
      const patch = changes();
      const r = await rpc.liveEdit(post.id, { ...patch, body: post.body, summary: post.summary }, patch !== null, reset);
      if (post !== current) break;
      lastPreview = r;
      await preview.show(post.title, r.keys, r.html, reset);
      updateStatus();
      updateListing();
    } while (renderAgain);
  } catch (e) {
    showError(e);
  } finally {
    rendering = false;
  }
}

function updateStatus(): void {
  if (!current) return;
  $("st-words").textContent = `${lastPreview?.word_count ?? 0} words`;
  $("st-chars").textContent = `${current.body.length} characters`;
  $("st-time").textContent = `${lastPreview?.reading_minutes ?? 0} min read`;
}

function updateListing(): void {
  if (!current) return;
  $("listing-title").textContent = current.title;
  $("listing-teaser").textContent = lastPreview?.teaser ?? "";
  $("listing-more").textContent = current.lang === "fr" ? "Lire la suite →" : "Continue reading →";
}

// ---------- saving ----------

/** The fields of `current` that differ from what is saved. */
function changes(): PostPatch | null {
  if (!current || !saved) return null;
  const patch: PostPatch = {};
  const keys = ["title", "slug", "summary", "preview_text", "body", "lang", "status", "author", "canonical_url", "featured_image"] as const;
  for (const k of keys) {
    if (current[k] !== saved[k]) (patch as Record<string, unknown>)[k] = current[k];
  }
  if (current.tags.join("\u0000") !== saved.tags.join("\u0000")) patch.tags = current.tags;
  if (current.publish_at !== saved.publish_at) patch.publish_at = current.publish_at;
  return Object.keys(patch).length ? patch : null;
}

/** Something changed: the preview call keeps it in the backend's memory at
 *  once (so closing the window writes it); write it to the library after a
 *  short pause. */
function edited(): void {
  if (!current || !changes()) return;
  saveState.textContent = "Editing…";
  void renderPreview();
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => void save("autosave"), AUTOSAVE_MS);
}

function save(kind: "autosave" | "save"): Promise<void> {
  window.clearTimeout(saveTimer);
  saving = saving.then(async () => {
    const post = current;
    const patch = changes();
    if (!post || (!patch && kind === "autosave")) return;
    try {
      saveState.textContent = "Saving…";
      const result = patch ? await rpc.updatePost(post.id, patch, kind) : post;
      if (kind === "save") await rpc.saveRevision(post.id);
      if (current && current.id === result.id) {
        saved = result;
        // The core may have changed the slug (a draft's slug follows its title).
        if (current.slug !== result.slug && !patch?.slug) {
          current.slug = result.slug;
          (meta.elements.namedItem("slug") as HTMLInputElement).value = result.slug;
          saved = { ...result };
        }
      }
      saveState.textContent = kind === "save" ? `Revision saved ${time(result.updated_at)}` : `Saved ${time(result.updated_at)}`;
      void refreshList();
      if (tab === "email" && patch) window.setTimeout(() => void refreshEmail(), 0);
    } catch (e) {
      saveState.textContent = "Not saved";
      showError(e);
    }
  });
  return saving;
}

// ---------- editor ----------

const editor = createEditor($("editor"), {
  onChange: (text) => {
    if (!current) return;
    current.body = text;
    edited();
  },
  onBlur: () => void save("autosave"),
  onSave: () => void save("save"),
  onImage: async (file) => {
    try {
      const data = await readBase64(file);
      const asset = await rpc.addAsset(file.name || "image", data);
      const alt = await askAltText(file.name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " "));
      if (alt === null) return null;
      return `![${alt.replace(/[[\]]/g, "")}](${asset.reference})`;
    } catch (e) {
      showError(e);
      return null;
    }
  },
});

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(new BackendError("invalid", "The image could not be read."));
    r.readAsDataURL(file);
  });
}

function askAltText(suggestion: string): Promise<string | null> {
  const dialog = $<HTMLDialogElement>("alt-dialog");
  const input = $<HTMLInputElement>("alt-input");
  input.value = suggestion;
  dialog.showModal();
  input.select();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok" ? input.value.trim() : null), { once: true });
  });
}

// Scroll sync, both ways: whichever pane the reader scrolls leads, and the
// other follows without echoing back.
let leader: "editor" | "preview" | null = null;
let leaderTimer: number | undefined;
function syncScroll(from: "editor" | "preview", fraction: number): void {
  if (leader !== null && leader !== from) return;
  leader = from;
  window.clearTimeout(leaderTimer);
  leaderTimer = window.setTimeout(() => (leader = null), 150);
  if (from === "editor") {
    void preview.scrollToFraction(fraction);
  } else {
    const el = editor.view.scrollDOM;
    el.scrollTop = fraction * (el.scrollHeight - el.clientHeight);
  }
}
editor.view.scrollDOM.addEventListener("scroll", () => {
  const el = editor.view.scrollDOM;
  if (el.scrollHeight > el.clientHeight) syncScroll("editor", el.scrollTop / (el.scrollHeight - el.clientHeight));
});

// ---------- metadata panel ----------

function fillMeta(p: Post): void {
  const set = (name: string, value: string) => ((meta.elements.namedItem(name) as HTMLInputElement).value = value);
  set("title", p.title);
  set("slug", p.slug);
  set("summary", p.summary);
  set("preview_text", p.preview_text);
  set("tags", p.tags.join(", "));
  set("author", p.author);
  set("lang", p.lang);
  set("status", p.status);
  set("publish_at", p.publish_at ? toLocalInput(p.publish_at) : "");
  set("canonical_url", p.canonical_url);
  set("featured_image", p.featured_image);
  $("summary-count").textContent = `${p.summary.length} characters`;
  $("translation-note").textContent = p.translation_of ? "Has a translation." : "";
  $("translate").textContent = p.lang === "en" ? "Create French version" : "Create English version";
  ($("translate") as HTMLButtonElement).disabled = p.translation_of !== null;
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

meta.addEventListener("input", (ev) => {
  if (!current) return;
  const el = ev.target as HTMLInputElement;
  const v = el.value;
  switch (el.name) {
    case "tags":
      current.tags = v.split(",").map((t) => t.trim()).filter(Boolean);
      break;
    case "publish_at":
      current.publish_at = v ? new Date(v).toISOString() : null;
      break;
    case "summary":
      current.summary = v;
      $("summary-count").textContent = `${v.length} characters`;
      void renderPreview();
      break;
    case "title":
      current.title = v;
      void renderPreview();
      break;
    case "status":
      current.status = v as Status;
      break;
    case "lang":
      current.lang = v as Post["lang"];
      break;
    case "slug":
    case "preview_text":
    case "author":
    case "canonical_url":
    case "featured_image":
      current[el.name] = v;
      break;
  }
  edited();
});
meta.addEventListener("change", () => void save("autosave"));

// ---------- library ----------

function filter(): ListFilter {
  const v = (id: string) => ($(id) as HTMLInputElement).value || null;
  return {
    status: v("f-status") as Status | null,
    lang: v("f-lang") as Post["lang"] | null,
    tag: v("f-tag"),
    sort: (v("f-sort") ?? "updated") as ListFilter["sort"],
    trashed: showTrash,
  };
}

function item(p: { id: number; title: string }, detail: string, snippetHtml?: string): HTMLLIElement {
  const li = document.createElement("li");
  li.role = "option";
  li.dataset.id = String(p.id);
  li.tabIndex = 0;
  const t = document.createElement("strong");
  t.textContent = p.title;
  const d = document.createElement("small");
  d.textContent = detail;
  li.append(t, d);
  if (snippetHtml !== undefined) {
    const s = document.createElement("p");
    s.className = "snippet";
    // The core escapes the snippet and adds only <mark>.
    s.innerHTML = snippetHtml;
    li.append(s);
  }
  li.addEventListener("click", () => void open(p.id));
  li.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") void open(p.id);
  });
  if (current && p.id === current.id) li.setAttribute("aria-selected", "true");
  return li;
}

function summaryLine(p: PostSummary): string {
  return `${p.status} · ${p.lang.toUpperCase()} · ${localDate(p.deleted_at ?? p.publish_at ?? p.updated_at)}`;
}

async function refreshList(): Promise<void> {
  const q = search.value.trim();
  const seq = ++listSeq;
  try {
    if (q !== "" && !showTrash) {
      const hits: SearchHit[] = await rpc.searchPosts(q);
      if (seq !== listSeq) return;
      list.replaceChildren(...hits.map((h) => item(h, `${h.status} · ${h.lang.toUpperCase()}`, h.snippet)));
      if (hits.length === 0) list.replaceChildren(emptyItem("No post matches."));
    } else {
      const posts = await rpc.listPosts(filter());
      if (seq !== listSeq) return;
      list.replaceChildren(...posts.map((p) => item(p, summaryLine(p))));
      if (posts.length === 0) list.replaceChildren(emptyItem(showTrash ? "The trash is empty." : "No posts."));
    }
  } catch (e) {
    showError(e);
  }
}

function emptyItem(text: string): HTMLLIElement {
  const li = document.createElement("li");
  li.className = "empty";
  li.textContent = text;
  return li;
}

async function open(id: number): Promise<void> {
  if (current?.id === id) return;
  await save("autosave");
  try {
    const post = await rpc.getPost(id);
    current = { ...post };
    saved = post;
    lastPreview = null;
    document.body.classList.remove("nothing");
    fillMeta(post);
    editor.load(post.body);
    const trashed = post.deleted_at !== null;
    $("trash").hidden = trashed;
    $("restore").hidden = !trashed;
    editor.view.contentDOM.contentEditable = String(!trashed);
    saveState.textContent = `Saved ${time(post.updated_at)}`;
    for (const li of list.querySelectorAll("li")) li.toggleAttribute("aria-selected", li.dataset.id === String(id));
    await preview.reset(post.lang);
    await renderPreview();
    void refreshEmail();
    if (!$("revisions").hidden) await showRevisions();
  } catch (e) {
    showError(e);
  }
}

async function openNew(p: Post): Promise<void> {
  await refreshList();
  await open(p.id);
  const title = meta.elements.namedItem("title") as HTMLInputElement;
  title.focus();
  title.select();
}

search.addEventListener("input", () => void refreshList());
for (const id of ["f-status", "f-lang", "f-tag", "f-sort"]) $(id).addEventListener("input", () => void refreshList());

$("new-post").addEventListener("click", async () => {
  await save("autosave");
  const template = ($("new-template") as HTMLSelectElement).value || null;
  rpc.createPost(template).then(openNew, showError);
});
$("duplicate").addEventListener("click", async () => {
  if (!current) return;
  await save("autosave");
  rpc.duplicatePost(current.id).then(openNew, showError);
});
$("translate").addEventListener("click", async () => {
  if (!current) return;
  await save("autosave");
  rpc.createTranslation(current.id).then(openNew, showError);
});
$("trash").addEventListener("click", async () => {
  if (!current) return;
  await save("autosave");
  const id = current.id;
  try {
    await rpc.trashPost(id);
    current = saved = null;
    document.body.classList.add("nothing");
    await refreshList();
    const first = list.querySelector<HTMLLIElement>("li[data-id]");
    if (first?.dataset.id) await open(Number(first.dataset.id));
  } catch (e) {
    showError(e);
  }
});
$("restore").addEventListener("click", async () => {
  if (!current) return;
  try {
    const p = await rpc.restorePost(current.id);
    showTrash = false;
    syncTrashButtons();
    current = null;
    await refreshList();
    await open(p.id);
  } catch (e) {
    showError(e);
  }
});
function syncTrashButtons(): void {
  $("toggle-trash").setAttribute("aria-pressed", String(showTrash));
  $("empty-trash").hidden = !showTrash;
}
$("toggle-trash").addEventListener("click", () => {
  showTrash = !showTrash;
  syncTrashButtons();
  void refreshList();
});
$("empty-trash").addEventListener("click", async () => {
  const dialog = $<HTMLDialogElement>("confirm-dialog");
  $("confirm-text").textContent = "Delete every post in the trash for good? This cannot be undone.";
  dialog.showModal();
  dialog.addEventListener(
    "close",
    () => {
      if (dialog.returnValue !== "ok") return;
      rpc
        .emptyTrash()
        .then((n) => {
          saveState.textContent = `Deleted ${n} post(s) for good`;
          return refreshList();
        })
        .catch(showError);
    },
    { once: true },
  );
});

// ---------- revisions ----------

let chosenRevision: Revision | null = null;

async function showRevisions(): Promise<void> {
  if (!current) return;
  await save("autosave");
  $("revisions").hidden = false;
  const revs = await rpc.listRevisions(current.id);
  const ul = $("revision-list");
  ul.replaceChildren(
    ...revs.map((r) => {
      const li = document.createElement("li");
      li.dataset.id = String(r.id);
      li.tabIndex = 0;
      const reason = { save: "Saved", status: "Status changed", auto: "Autosaved", restore: "Before restore" }[r.reason];
      li.textContent = `${new Date(r.created_at).toLocaleString()} · ${reason}`;
      li.addEventListener("click", () => void chooseRevision(r, li));
      return li;
    }),
  );
  $("revision-diff").replaceChildren();
  ($("restore-revision") as HTMLButtonElement).disabled = true;
}

async function chooseRevision(r: Revision, li: HTMLLIElement): Promise<void> {
  if (!current) return;
  chosenRevision = r;
  for (const el of $("revision-list").children) el.toggleAttribute("aria-selected", el === li);
  try {
    const lines = await rpc.revisionDiff(current.id, r.id);
    $("revision-diff").replaceChildren(
      ...lines.map((l) => {
        const div = document.createElement("div");
        div.className = `diff-${l.kind}`;
        div.textContent = `${l.kind === "added" ? "+" : l.kind === "removed" ? "−" : " "} ${l.text}`;
        return div;
      }),
    );
    ($("restore-revision") as HTMLButtonElement).disabled = false;
  } catch (e) {
    showError(e);
  }
}

$("show-revisions").addEventListener("click", () => void showRevisions().catch(showError));
$("close-revisions").addEventListener("click", () => ($("revisions").hidden = true));
$("restore-revision").addEventListener("click", async () => {
  if (!current || !chosenRevision) return;
  await save("autosave");
  try {
    const p = await rpc.restoreRevision(current.id, chosenRevision.id);
    current = { ...p };
    saved = p;
    fillMeta(p);
    editor.load(p.body);
    saveState.textContent = `Restored ${time(p.updated_at)}`;
    await renderPreview();
    await showRevisions();
  } catch (e) {
    showError(e);
  }
});

$("email-copy").addEventListener("click", () => {
  if (!current) return;
  rpc
    .copyEmail({ kind: "post", id: current.id })
    .then(() => (saveState.textContent = "Copied for email"), showError);
});
$("email-save").addEventListener("click", () => {
  if (!current) return;
  rpc
    .saveEml({ kind: "post", id: current.id })
    .then((path) => {
      if (path) saveState.textContent = `Saved ${path}`;
    }, showError);
});

// ---------- digest builder ----------

const digestDialog = $<HTMLDialogElement>("digest-dialog");
let digestIds: number[] = [];
let digestPosts = new Map<number, PostSummary>();
let digestTimer: number | undefined;

function digestSource() {
  return {
    kind: "digest" as const,
    ids: digestIds,
    intro: ($("digest-intro") as HTMLTextAreaElement).value,
    subject: ($("digest-subject") as HTMLInputElement).value || null,
    esp: ($("digest-esp") as HTMLSelectElement).value || null,
  };
}

function renderDigestLists(): void {
  const row = (p: PostSummary, buttons: [string, string, () => void][]) => {
    const li = document.createElement("li");
    li.dataset.id = String(p.id);
    const t = document.createElement("span");
    t.textContent = `${p.title} (${p.lang.toUpperCase()}, ${p.status})`;
    li.append(t);
    for (const [label, name, fn] of buttons) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.title = name;
      b.addEventListener("click", () => {
        fn();
        renderDigestLists();
        scheduleDigestPreview();
      });
      li.append(b);
    }
    return li;
  };
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= digestIds.length) return;
    [digestIds[i], digestIds[j]] = [digestIds[j], digestIds[i]];
  };
  $("digest-pool").replaceChildren(
    ...[...digestPosts.values()].filter((p) => !digestIds.includes(p.id)).map((p) => row(p, [["+", "Add", () => digestIds.push(p.id)]])),
  );
  $("digest-chosen").replaceChildren(
    ...digestIds.map((id, i) => {
      const p = digestPosts.get(id);
      return p
        ? row(p, [
            ["↑", "Move up", () => move(i, -1)],
            ["↓", "Move down", () => move(i, 1)],
            ["✕", "Remove", () => digestIds.splice(i, 1)],
          ])
        : document.createElement("li");
    }),
  );
}

function scheduleDigestPreview(): void {
  window.clearTimeout(digestTimer);
  digestTimer = window.setTimeout(() => void refreshDigest(), 250);
}

async function refreshDigest(): Promise<void> {
  if (digestIds.length === 0) {
    ($("digest-frame") as HTMLIFrameElement).srcdoc = "";
    $("digest-text").textContent = "";
    $("digest-warnings").textContent = "Add posts to the digest to see it.";
    return;
  }
  try {
    const email = await rpc.emailPreview(digestSource());
    ($("digest-frame") as HTMLIFrameElement).srcdoc = email.html;
    $("digest-text").textContent = email.text;
    $("digest-warnings").textContent = [`Subject: ${email.subject}`, ...email.warnings].join(" · ");
  } catch (e) {
    $("digest-warnings").textContent = e instanceof BackendError ? e.message : "The digest could not be built.";
  }
}

$("open-digest").addEventListener("click", async () => {
  await save("autosave");
  try {
    const posts = await rpc.listPosts({ sort: "updated" });
    digestPosts = new Map(posts.map((p) => [p.id, p]));
    digestIds = digestIds.filter((id) => digestPosts.has(id));
    renderDigestLists();
    digestDialog.showModal();
    await refreshDigest();
  } catch (e) {
    showError(e);
  }
});
for (const id of ["digest-intro", "digest-subject", "digest-esp"]) $(id).addEventListener("input", scheduleDigestPreview);
for (const b of document.querySelectorAll<HTMLButtonElement>("#digest-dialog [data-dpart]")) {
  b.addEventListener("click", () => {
    $("digest-frame").hidden = b.dataset.dpart !== "html";
    $("digest-text").hidden = b.dataset.dpart !== "text";
    for (const o of document.querySelectorAll("#digest-dialog [data-dpart]")) o.setAttribute("aria-pressed", String(o === b));
  });
}
$("digest-copy").addEventListener("click", () => {
  rpc.copyEmail(digestSource()).then(
    () => ($("digest-status").textContent = "Copied: paste it into your email service."),
    (e) => ($("digest-status").textContent = e instanceof BackendError ? e.message : "Not copied."),
  );
});
$("digest-save").addEventListener("click", () => {
  rpc.saveEml(digestSource()).then(
    (path) => ($("digest-status").textContent = path ? `Saved ${path}` : ""),
    (e) => ($("digest-status").textContent = e instanceof BackendError ? e.message : "Not saved."),
  );
});

// ---------- export dialog ----------

const exportDialog = $<HTMLDialogElement>("export-dialog");
let exportedTo = "";
$("open-export").addEventListener("click", () => {
  $("export-result").textContent = "";
  $("export-step").textContent = "";
  $("export-show").hidden = true;
  $("export-force").hidden = true;
  $("export-progress").hidden = true;
  exportDialog.showModal();
});
$("export-choose").addEventListener("click", () => {
  rpc
    .pickFolder()
    .then((dir) => {
      if (dir) ($("export-dir") as HTMLInputElement).value = dir;
    })
    .catch(showError);
});
async function runExport(force: boolean): Promise<void> {
  await save("autosave");
  const format = ($("export-format") as HTMLSelectElement).value;
  const scopeKind = ($("export-scope") as HTMLSelectElement).value;
  const scope = scopeKind === "post" && current ? { kind: "post" as const, id: current.id } : { kind: scopeKind as "published" | "all" };
  const bar = $<HTMLProgressElement>("export-progress");
  bar.hidden = false;
  bar.value = 0;
  $("export-force").hidden = true;
  $("export-show").hidden = true;
  $("export-result").textContent = "";
  ($("export-go") as HTMLButtonElement).disabled = true;
  try {
    const r = await rpc.exportSite(format, ($("export-dir") as HTMLInputElement).value, scope, force, (p) => {
      bar.max = Math.max(p.total, 1);
      bar.value = p.done;
      $("export-step").textContent = p.step;
    });
    bar.value = bar.max;
    exportedTo = r.out_dir;
    $("export-result").textContent = [r.summary, ...r.warnings].join(" ");
    $("export-show").hidden = false;
  } catch (e) {
    $("export-result").textContent = e instanceof BackendError ? e.message : "The export failed.";
    $("export-force").hidden = !(e instanceof BackendError && e.code === "export_conflict");
  } finally {
    ($("export-go") as HTMLButtonElement).disabled = false;
  }
}
$("export-go").addEventListener("click", () => void runExport(false));
$("export-force").addEventListener("click", () => void runExport(true));
$("export-show").addEventListener("click", () => rpc.showInFolder(exportedTo).catch(showError));

// ---------- layout, tabs, shortcuts ----------

for (const b of document.querySelectorAll<HTMLButtonElement>("#toolbar [data-mode]")) {
  b.addEventListener("click", () => {
    document.body.dataset.mode = b.dataset.mode;
    for (const o of document.querySelectorAll("#toolbar [data-mode]")) o.setAttribute("aria-pressed", String(o === b));
  });
}
let tab: "page" | "listing" | "email" = "page";
for (const b of document.querySelectorAll<HTMLButtonElement>("#toolbar [data-tab]")) {
  b.addEventListener("click", () => {
    tab = (b.dataset.tab ?? "page") as typeof tab;
    $("listing").hidden = tab !== "listing";
    $("preview").hidden = tab !== "page";
    $("email").hidden = tab !== "email";
    for (const o of document.querySelectorAll("#toolbar [data-tab]")) o.setAttribute("aria-selected", String(o === b));
    if (tab === "email") void refreshEmail();
  });
}

/** The Email tab shows what the newsletter export builds from the saved post. */
async function refreshEmail(): Promise<void> {
  if (!current || tab !== "email") return;
  await save("autosave");
  try {
    const email = await rpc.emailPreview({ kind: "post", id: current.id });
    $("email-subject").textContent = email.subject;
    $("email-warnings").textContent = email.warnings.join(" ");
    ($("email-frame") as HTMLIFrameElement).srcdoc = email.html;
    $("email-text").textContent = email.text;
  } catch (e) {
    showError(e);
  }
}
for (const b of document.querySelectorAll<HTMLButtonElement>("#email [data-width]")) {
  b.addEventListener("click", () => {
    const w = `${b.dataset.width}px`;
    $("email-frame").style.width = w;
    $("email-text").style.width = w;
    for (const o of document.querySelectorAll("#email [data-width]")) o.setAttribute("aria-pressed", String(o === b));
  });
}
for (const b of document.querySelectorAll<HTMLButtonElement>("#email [data-part]")) {
  b.addEventListener("click", () => {
    $("email-frame").hidden = b.dataset.part !== "html";
    $("email-text").hidden = b.dataset.part !== "text";
    for (const o of document.querySelectorAll("#email [data-part]")) o.setAttribute("aria-pressed", String(o === b));
  });
}
$("toggle-meta").addEventListener("click", () => {
  meta.hidden = !meta.hidden;
  $("toggle-meta").setAttribute("aria-pressed", String(!meta.hidden));
});
$("help").addEventListener("click", () => $<HTMLDialogElement>("help-dialog").showModal());

document.addEventListener("keydown", (ev) => {
  const mod = ev.ctrlKey || ev.metaKey;
  if (!mod) return;
  // ev.code is layout-independent and survives a held Ctrl (some input paths report a control character in ev.key).
  const key = /^Key[A-Z]$/.test(ev.code) ? ev.code.slice(3).toLowerCase() : ev.key.toLowerCase();
  if (ev.shiftKey && key === "f") {
    ev.preventDefault();
    search.focus();
    search.select();
  } else if (!ev.shiftKey && key === "n") {
    ev.preventDefault();
    $("new-post").click();
  } else if (!ev.shiftKey && key === "s") {
    ev.preventDefault();
    void save("save");
  } else if (!ev.shiftKey && key === "q") {
    ev.preventDefault();
    void save("autosave").finally(() => rpc.quit().catch(showError));
  }
});
window.addEventListener("blur", () => void save("autosave"));

// ---------- start ----------

void (async () => {
  try {
    const templates = await rpc.templates();
    $("new-template").append(
      ...templates.map((t) => {
        const o = document.createElement("option");
        o.value = t.id;
        o.textContent = t.name;
        return o;
      }),
    );
    const tags = await rpc.allTags();
    $("tag-list").replaceChildren(
      ...tags.map(([t]) => {
        const o = document.createElement("option");
        o.value = t;
        return o;
      }),
    );
  } catch (e) {
    showError(e);
  }
  await refreshList();
  const first = list.querySelector<HTMLLIElement>("li[data-id]");
  if (first?.dataset.id) await open(Number(first.dataset.id));
  else document.body.classList.add("nothing");
  document.body.dataset.ready = "true";
})();
