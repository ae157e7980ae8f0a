// The library sidebar: the list of posts, search, filters, the trash, and the
// buttons that make posts (new, duplicate, translate) or move them to and
// from the trash.
import type { EditingSession } from "./editing";
import { $, confirmThen, element, showError } from "./dom";
import { localDate } from "./format";
import { language, statusName, t } from "./i18n";
import { targetIndex } from "./listKeys";
import { rpc } from "./rpc";
import { reuseRows, rowBatches } from "./rowBatches";
import { setSaveState } from "./statusbar";
/** The blank French post's template id (templates.rs `BLANK_FR`). */
const BLANK_FR = "blank-fr";

import type { ListFilter, Post, PostSummary, SearchHit, Status } from "./types";

/** About one row's height (style.css `#posts li`: padding, title, date line), to count the rows in view. */
const ROW_HEIGHT = 52;

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
  /** A short flag shown on a post in the list (a team conflict), or null. */
  flag?(id: number): string | null;
}

export function setupLibrary({ session, open, focusTitle, flag }: LibraryDeps): Library {
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
    li.append(element("strong", p.title), element("small", detail));
    const flagged = flag?.(p.id);
    if (flagged) li.append(element("span", flagged, "flag"));
    if (snippetHtml !== undefined) {
      const s = element("p", "", "snippet");
      // The core escapes the snippet and adds only <mark>.
      s.innerHTML = snippetHtml;
      li.append(s);
    }
    li.addEventListener("click", () => void open(p.id));
    const selected = session.post !== null && p.id === session.post.id;
    li.setAttribute("aria-selected", String(selected));
    // One tab stop for the whole list (roving tabindex): the selected post.
    li.tabIndex = selected ? 0 : -1;
    return li;
  }

  const summaryLine = (p: PostSummary) => `${statusName(p.status)} · ${p.lang.toUpperCase()} · ${localDate(p.deleted_at ?? p.publish_at ?? p.updated_at)}`;
  const emptyItem = (text: string) => {
    const li = element("li", text, "empty");
    li.role = "presentation";
    return li;
  };

  async function refresh(): Promise<void> {
    const q = search.value.trim();
    const seq = ++listSeq;
    try {
      if (q !== "" && !showTrash) {
        const hits: SearchHit[] = await rpc.searchPosts(q);
        if (seq !== listSeq) return;
        list.replaceChildren(...hits.map((h) => item(h, `${statusName(h.status)} · ${h.lang.toUpperCase()}`, h.snippet)));
        if (hits.length === 0) list.replaceChildren(emptyItem(t("library-no-match")));
      } else {
        const f = filter();
        // Not a status: the posts in review whose reviewer is me (Settings → You, else git's name).
        const posts = (f.status as string | null) === "@my-review" ? await rpc.waitingForMyReview() : await rpc.listPosts(f);
        if (seq !== listSeq) return;
        if (posts.length === 0) list.replaceChildren(emptyItem(showTrash ? t("library-trash-empty") : t("library-no-posts")));
        else fill(seq, posts);
      }
      keepOneTabStop();
    } catch (e) {
      showError(e);
    }
  }

  /** A post's row, keyed by what it shows (`data-key`), so that a refresh can keep it. */
  const rowKey = (p: PostSummary) => [p.id, p.title, summaryLine(p), flag?.(p.id) ?? ""].join("\u0000");
  function keyedItem(p: PostSummary): HTMLLIElement {
    const li = item(p, summaryLine(p));
    li.dataset.key = rowKey(p);
    return li;
  }

  /** Show `posts`. When the list holds most of them already (after a save or
   *  a sync), keep those rows, build the changed ones and put them in order at
   *  once; else the rows in view at once, the others in batches after it
   *  (dropped when a newer refresh has started). */
  function fill(seq: number, posts: PostSummary[]): void {
    const shown = new Map<string, HTMLLIElement>();
    for (const li of list.querySelectorAll<HTMLLIElement>(":scope > li[data-key]")) shown.set(li.dataset.key ?? "", li);
    const wanted = posts.map(rowKey);
    const plan = reuseRows([...shown.keys()], wanted);
    if (plan.atOnce) {
      for (const key of plan.remove) shown.get(key)?.remove();
      for (const li of list.querySelectorAll(":scope > li:not([data-key])")) li.remove();
      const selectedId = session.post?.id;
      // Walk the list once, moving a row only where it is out of order.
      let at = list.firstElementChild;
      posts.forEach((p, i) => {
        let li = shown.get(wanted[i]);
        if (li) {
          const selected = p.id === selectedId;
          if (li.getAttribute("aria-selected") !== String(selected)) li.setAttribute("aria-selected", String(selected));
        } else li = keyedItem(p);
        if (li === at) at = at.nextElementSibling;
        else list.insertBefore(li, at);
      });
      return;
    }
    const [first, ...later] = rowBatches(posts.length, { scrollTop: list.scrollTop, height: list.clientHeight, rowHeight: ROW_HEIGHT });
    const rows = ([start, end]: [number, number]) => posts.slice(start, end).map(keyedItem);
    list.replaceChildren(...rows(first));
    const next = () => {
      const batch = later.shift();
      if (!batch || seq !== listSeq) return;
      list.append(...rows(batch));
      keepOneTabStop();
      window.setTimeout(next, 0);
    };
    window.setTimeout(next, 0);
  }

  /** The list stays reachable with Tab even when no listed post is open. */
  function keepOneTabStop(): void {
    const options = [...list.querySelectorAll<HTMLLIElement>("li[data-id]")];
    // The selected post once its row is built, else the first row.
    const stop = options.find((o) => o.getAttribute("aria-selected") === "true") ?? options[0];
    for (const o of options) {
      const index = o === stop ? 0 : -1;
      if (o.tabIndex !== index) o.tabIndex = index;
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

  /** Arrow keys, Home/End and Page keys move through the list and open the post; Enter opens it. */
  list.addEventListener("keydown", (ev) => {
    const options = [...list.querySelectorAll<HTMLLIElement>("li[data-id]")];
    const current = options.findIndex((o) => o === document.activeElement);
    if (ev.key === "Enter" && current >= 0) {
      void open(Number(options[current].dataset.id));
      return;
    }
    const to = targetIndex(ev.key, Math.max(current, 0), options.length);
    if (to === null) return;
    ev.preventDefault();
    options[to].focus();
    void open(Number(options[to].dataset.id));
  });

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
    confirmThen(t("confirm-empty-trash"), () => {
      rpc
        .emptyTrash()
        .then((n) => {
          setSaveState(t("trash-emptied", { count: n }));
          return refresh();
        })
        .catch(showError);
    });
  });

  return {
    refresh,
    markSelected(id) {
      for (const li of list.querySelectorAll<HTMLLIElement>("li[data-id]")) {
        const selected = li.dataset.id === String(id);
        li.setAttribute("aria-selected", String(selected));
        li.tabIndex = selected ? 0 : -1;
      }
      keepOneTabStop();
    },
    firstId,
    async loadChoices() {
      const templates = await rpc.templates();
      const menu = $("new-template");
      // The templates written in the interface language (a French one makes a
      // French post); "Blank post" first. Drawn again after a language switch.
      const blank = menu.children[0] as HTMLOptionElement;
      blank.value = language() === "fr" ? BLANK_FR : "";
      menu.replaceChildren(
        blank,
        ...templates.filter((tp) => tp.lang === language() && tp.id !== BLANK_FR).map((tp) => {
          const o = element("option", tp.name);
          o.value = tp.id;
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
