// The library sidebar: the list of posts, search, filters, the trash, and the
// buttons that make posts (new, duplicate, translate) or move them to and
// from the trash.
import type { EditingSession } from "./editing";
import { $, confirmThen, element, showError } from "./dom";
import { localDate } from "./format";
import { rpc } from "./rpc";
import { setSaveState } from "./statusbar";
import type { ListFilter, Post, PostSummary, SearchHit, Status } from "./types";

export interface Library {
  /** Fetch the list again (search results when there is a query). */
  refresh(): Promise<void>;
  /** Mark post `id` as the selected item. */
  markSelected(id: number): void;
  /** The id of the first post in the list, if any. */
  firstId(): number | null;
  /** Fill the template menu and the tag suggestions (once, at start-up). */
  loadChoices(): Promise<void>;
}

export interface LibraryDeps {
  session: EditingSession;
  /** Open post `id` in every view. */
  open(id: number): Promise<void>;
  /** Put the cursor in the title of the post just opened. */
  focusTitle(): void;
}

export function setupLibrary({ session, open, focusTitle }: LibraryDeps): Library {
  const list = $<HTMLUListElement>("posts");
  const search = $<HTMLInputElement>("search");
  let showTrash = false;
  /** Only the answer to the latest request fills the list. */
  let listSeq = 0;

  function filter(): ListFilter {
    const v = (id: string) => $<HTMLInputElement>(id).value || null;
    return {
      status: v("f-status") as Status | null,
      lang: v("f-lang") as Post["lang"] | null,
      tag: v("f-tag"),
      sort: (v("f-sort") ?? "updated") as ListFilter["sort"],
      trashed: showTrash,
    };
  }

  function item(p: { id: number; title: string }, detail: string, snippetHtml?: string): HTMLLIElement {
    const li = element("li");
    li.role = "option";
    li.dataset.id = String(p.id);
    li.tabIndex = 0;
    li.append(element("strong", p.title), element("small", detail));
    if (snippetHtml !== undefined) {
      const s = element("p", "", "snippet");
      // The core escapes the snippet and adds only <mark>.
      s.innerHTML = snippetHtml;
      li.append(s);
    }
    li.addEventListener("click", () => void open(p.id));
    li.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") void open(p.id);
    });
    if (session.post && p.id === session.post.id) li.setAttribute("aria-selected", "true");
    return li;
  }

  const summaryLine = (p: PostSummary) => `${p.status} · ${p.lang.toUpperCase()} · ${localDate(p.deleted_at ?? p.publish_at ?? p.updated_at)}`;
  const emptyItem = (text: string) => element("li", text, "empty");

  async function refresh(): Promise<void> {
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

  const firstId = () => {
    const first = list.querySelector<HTMLLIElement>("li[data-id]");
    return first?.dataset.id ? Number(first.dataset.id) : null;
  };

  async function openNew(p: Post): Promise<void> {
    await refresh();
    await open(p.id);
    focusTitle();
  }

  /** Save what is typed, then make a post with `create` and open it. */
  const makePost = (create: (current: Post | null) => Promise<Post> | null) => async () => {
    await session.save("autosave");
    const made = create(session.post);
    made?.then(openNew, showError);
  };

  search.addEventListener("input", () => void refresh());
  for (const id of ["f-status", "f-lang", "f-tag", "f-sort"]) $(id).addEventListener("input", () => void refresh());

  $("new-post").addEventListener(
    "click",
    makePost(() => rpc.createPost($<HTMLSelectElement>("new-template").value || null)),
  );
  $("duplicate").addEventListener(
    "click",
    makePost((p) => (p ? rpc.duplicatePost(p.id) : null)),
  );
  $("translate").addEventListener(
    "click",
    makePost((p) => (p ? rpc.createTranslation(p.id) : null)),
  );

  $("trash").addEventListener("click", async () => {
    if (!session.post) return;
    await session.save("autosave");
    const id = session.post.id;
    try {
      await rpc.trashPost(id);
      session.close();
      document.body.classList.add("nothing");
      await refresh();
      const next = firstId();
      if (next !== null) await open(next);
    } catch (e) {
      showError(e);
    }
  });
  $("restore").addEventListener("click", async () => {
    if (!session.post) return;
    try {
      const p = await rpc.restorePost(session.post.id);
      showTrash = false;
      syncTrashButtons();
      session.close();
      await refresh();
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
    void refresh();
  });
  $("empty-trash").addEventListener("click", () => {
    confirmThen("Delete every post in the trash for good? This cannot be undone.", () => {
      rpc
        .emptyTrash()
        .then((n) => {
          setSaveState(`Deleted ${n} post(s) for good`);
          return refresh();
        })
        .catch(showError);
    });
  });

  return {
    refresh,
    markSelected(id) {
      for (const li of list.querySelectorAll("li")) li.toggleAttribute("aria-selected", li.dataset.id === String(id));
    },
    firstId,
    async loadChoices() {
      const templates = await rpc.templates();
      $("new-template").append(
        ...templates.map((t) => {
          const o = element("option", t.name);
          o.value = t.id;
          return o;
        }),
      );
      const tags = await rpc.allTags();
      $("tag-list").replaceChildren(
        ...tags.map(([t]) => {
          const o = element("option");
          o.value = t;
          return o;
        }),
      );
    },
  };
}
