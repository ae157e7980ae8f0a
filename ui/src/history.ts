// The History panel (#revisions): the open post's revisions, the diff of one
// against the current text, and restoring it.
import type { EditingSession } from "./editing";
import { $, element, showError } from "./dom";
import { time } from "./format";
import { dateTime, t } from "./i18n";
import { rpc } from "./rpc";
import { setSaveState } from "./statusbar";
import type { Post, Revision, TeammateVersion } from "./types";
import { bodyRow, diffNoticeText, type DiffRow, versionDiffRows } from "./versionDiff";

export interface HistoryPanel {
  isOpen(): boolean;
  /** Open the panel on the open post's revisions (saving what is typed first). */
  show(): Promise<void>;
}

export interface HistoryDeps {
  session: EditingSession;
  /** Show a restored post in the editor and the details panel, and preview it. */
  showRestored(post: Post): Promise<void>;
}

/** A row of a comparison, painted. */
const paint = (r: DiffRow) => ("heading" in r ? element("p", r.heading, "diff-heading") : element("div", r.text, `diff-${r.kind}`));

/** The catalogue key of each reason a revision was kept. */
const REASONS: Record<Revision["reason"], string> = { save: "reason-save", status: "reason-status", auto: "reason-auto", restore: "reason-restore", sync: "reason-sync" };

export function setupHistory({ session, showRestored }: HistoryDeps): HistoryPanel {
  const panel = $("revisions");
  const list = $("revision-list");
  const diff = $("revision-diff");
  const restoreButton = $<HTMLButtonElement>("restore-revision");
  let chosen: Revision | null = null;

  async function show(): Promise<void> {
    if (!session.post) return;
    await session.save("autosave");
    panel.hidden = false;
    const post = session.post;
    if (!post) return;
    const [revs, shared] = await Promise.all([rpc.listRevisions(post.id), rpc.teammateVersions(post.id).catch(() => [])]);
    const row = (text: string, pick: (li: HTMLLIElement) => void) => {
      const li = element("li", text);
      li.tabIndex = 0;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.addEventListener("click", () => pick(li));
      li.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") pick(li);
      });
      return li;
    };
    list.replaceChildren(
      ...revs.map((r) => {
        const li = row(`${dateTime(r.created_at)} · ${t(REASONS[r.reason])}`, (el) => void choose(r, el));
        li.dataset.id = String(r.id);
        return li;
      }),
    );
    if (shared.length > 0) {
      const heading = element("li", t("history-shared"), "history-heading");
      heading.role = "presentation";
      list.append(
        heading,
        ...shared.map((v) => {
          const li = row(`${dateTime(v.at)} · ${v.name}`, (el) => void chooseShared(v, el));
          li.dataset.commit = v.commit;
          return li;
        }),
      );
    }
    diff.replaceChildren();
    restoreButton.disabled = true;
  }

  async function choose(r: Revision, li: HTMLLIElement): Promise<void> {
    if (!session.post) return;
    chosen = r;
    for (const el of list.querySelectorAll("[role=option]")) el.setAttribute("aria-selected", String(el === li));
    try {
      const compared = await rpc.revisionDiff(session.post.id, r.id);
      const notice = compared.body.notice;
      diff.replaceChildren(...(notice ? [element("p", diffNoticeText(notice), "diff-notice")] : []), ...versionDiffRows(compared).map(paint));
      restoreButton.disabled = false;
    } catch (e) {
      showError(e);
    }
  }

  /** A teammate's version: its difference from the open text (restoring is for local revisions). */
  async function chooseShared(v: TeammateVersion, li: HTMLLIElement): Promise<void> {
    if (!session.post) return;
    chosen = null;
    for (const el of list.querySelectorAll("[role=option]")) el.setAttribute("aria-selected", String(el === li));
    restoreButton.disabled = true;
    try {
      const { lines, notice } = await rpc.teammateDiff(session.post.id, v.commit);
      diff.replaceChildren(
        element("p", t("history-theirs", { name: v.name }), "diff-notice"),
        ...(notice ? [element("p", diffNoticeText(notice), "diff-notice")] : []),
        ...lines.map((l) => paint(bodyRow(l))),
      );
    } catch (e) {
      showError(e);
    }
  }

  $("show-revisions").addEventListener("click", () => void show().catch(showError));
  $("close-revisions").addEventListener("click", () => (panel.hidden = true));
  restoreButton.addEventListener("click", async () => {
    if (!session.post || !chosen) return;
    await session.save("autosave");
    const post = session.post;
    if (!post) return;
    try {
      const p = await rpc.restoreRevision(post.id, chosen.id);
      session.load(p);
      setSaveState(t("save-restored", { time: time(p.updated_at) }));
      await showRestored(p);
      await show();
    } catch (e) {
      showError(e);
    }
  });

  return { isOpen: () => !panel.hidden, show };
}

