// The team library in the window: the status-bar badge and "Sync now", the
// sync schedule (syncSchedule.ts), Settings → Team (connect), the conflicts
// view (side by side, part by part) and "changed by" in the details.
// Words live in teamText.ts; every rule lives in the Rust core (sync/).
import type { EditingSession } from "./editing";
import { $, element, errorText, showError } from "./dom";
import { dateTime, t } from "./i18n";
import { BackendError, rpc } from "./rpc";
import { setSaveState } from "./statusbar";
import { SyncScheduler } from "./syncSchedule";
import { badgeText, offersBoth, partName, reportText, when } from "./teamText";
import type { ConflictItem, Post, PostConflict, SyncReport, Take, TeamStatus } from "./types";

export interface TeamDeps {
  session: EditingSession;
  /** Fetch the post list again. */
  refreshLibrary(): Promise<void>;
  /** Show `post`, just loaded into the session, in the editor and details. */
  showReloaded(post: Post): Promise<void>;
}

export interface TeamView {
  /** Ctrl+S: sync shortly after. */
  saved(): void;
  /** A post was saved: the badge's count may have changed. */
  changed(): void;
  /** The open post changed: show who last changed it in the team. */
  showChangedBy(post: Post): Promise<void>;
  /** The Settings window's Team section, drawn into `into`. */
  renderSettings(into: HTMLElement): Promise<void>;
  /** Start syncing if this library is connected. */
  start(): Promise<void>;
  /** "To settle" for a post in conflict, for the library list. */
  flag(id: number): string | null;
}

/** A part's choices and their catalogue keys. */
const CHOICES: [Take, string][] = [
  ["mine", "team-keep-mine"],
  ["theirs", "team-take-theirs"],
  ["both", "team-keep-both"],
];

export function setupTeam({ session, refreshLibrary, showReloaded }: TeamDeps): TeamView {
  const badge = $("st-team");
  const syncButton = $<HTMLButtonElement>("sync-now");
  const conflictsButton = $<HTMLButtonElement>("show-conflicts");
  const dialog = $<HTMLDialogElement>("conflicts-dialog");
  let status: TeamStatus | null = null;
  let failure: string | null = null;
  let badgeTimer = 0;
  /** Posts waiting for a choice in the conflicts view. */
  let conflicted = new Set<number>();

  /** Save what is typed, sync on the background connection, then show what came in. */
  async function runSync(): Promise<SyncReport> {
    await session.save("autosave");
    const before = session.post;
    const report = await rpc.syncNow();
    await afterSync(before);
    return report;
  }

  const scheduler = new SyncScheduler(runSync);
  scheduler.on((ev) => {
    if (ev.type === "syncing") {
      syncButton.disabled = true;
      syncButton.textContent = t("team-syncing");
      return;
    }
    syncButton.disabled = false;
    syncButton.textContent = t("ui-sync-now");
    if (ev.type === "synced") {
      failure = null;
      const said = reportText(ev.report);
      if (said && ev.trigger !== "timer") setSaveState(said);
    } else {
      const offline = ev.error instanceof BackendError && ev.error.code === "git_offline";
      failure = offline ? t("team-offline") : t("team-not-synced");
      // An offline laptop keeps working quietly; anything else is said once.
      if (!offline && ev.trigger !== "timer" && ev.trigger !== "retry") showError(ev.error);
    }
    void refreshBadge();
  });

  /** After a sync: the list, the badge, and the open post if a teammate changed it. */
  async function afterSync(before: Post | null): Promise<void> {
    await refreshLibrary();
    if (!before || !session.post || session.post.id !== before.id) return;
    let now: Post;
    try {
      now = await rpc.getPost(before.id);
    } catch {
      return; // gone (trashed by a teammate's change is not a sync outcome; ignore)
    }
    if (now.updated_at !== before.updated_at && session.changes() === null) {
      session.load(now);
      await showReloaded(now);
      setSaveState(t("team-updated-open-post"));
    }
  }

  async function refreshBadge(): Promise<void> {
    try {
      status = await rpc.teamStatus();
    } catch {
      return;
    }
    const on = status.connected;
    badge.hidden = !on;
    syncButton.hidden = !on;
    conflictsButton.hidden = !on || status.conflicts === 0;
    if (!on) return;
    badge.textContent = badgeText(status, failure);
    badge.title = t("team-shared-through", { remote: status.remote, folder: status.folder, branch: status.branch });
    conflictsButton.textContent = t("team-to-settle-count", { count: status.conflicts });
    const before = conflicted;
    conflicted = new Set(status.conflicts === 0 ? [] : (await rpc.listConflicts().catch(() => [])).flatMap((c) => (c.post_id === null ? [] : [c.post_id])));
    if (before.size !== conflicted.size || [...conflicted].some((id) => !before.has(id))) await refreshLibrary();
  }

  syncButton.addEventListener("click", () => void scheduler.now());
  conflictsButton.addEventListener("click", () => void openConflicts());

  // --- Conflicts: one section per post, one row per part, mine beside theirs.

  async function openConflicts(): Promise<void> {
    await session.save("autosave");
    try {
      renderConflicts(await rpc.listConflicts());
    } catch (e) {
      showError(e);
      return;
    }
    if (!dialog.open) dialog.showModal();
  }

  function renderConflicts(conflicts: PostConflict[]): void {
    const list = $("conflicts-list");
    if (conflicts.length === 0) {
      list.replaceChildren(element("p", t("team-nothing-to-settle"), "empty"));
      return;
    }
    list.replaceChildren(...conflicts.map(conflictSection));
  }

  function conflictSection(c: PostConflict): HTMLElement {
    const section = element("section", "", "conflict");
    section.dataset.uid = c.uid;
    const by = c.theirs_by ? t("team-theirs-by", { name: c.theirs_by.name, at: dateTime(c.theirs_by.at) }) : "";
    section.append(element("h3", `${c.title}${by}`));
    const all = element("div", "", "choices");
    for (const [take, label] of [["mine", t("team-keep-all-mine")], ["theirs", t("team-take-all-theirs")]] as [Take, string][]) {
      const b = element("button", label);
      b.type = "button";
      b.dataset.takeAll = take;
      b.setAttribute("aria-label", t("action-on", { action: label, title: t("quoted", { text: c.title }) }));
      b.addEventListener("click", () => void settle(section, c, () => rpc.resolvePostConflict(c.uid, take)));
      all.append(b);
    }
    section.append(all);
    for (const item of c.items) section.append(partRow(section, c, item));
    return section;
  }

  function partRow(section: HTMLElement, c: PostConflict, item: ConflictItem): HTMLElement {
    const row = element("div", "", "conflict-part");
    row.dataset.field = item.field;
    row.dataset.block = String(item.block);
    const name = element("h4", partName(item));
    const mine = element("div", "", "side mine");
    mine.append(element("strong", t("team-mine")), element("pre", item.mine || t("team-empty-part")));
    const theirs = element("div", "", "side theirs");
    theirs.append(element("strong", t("team-theirs")), element("pre", item.theirs || t("team-empty-part")));
    const buttons = element("div", "", "choices");
    for (const [take, key] of CHOICES) {
      if (take === "both" && !offersBoth(item)) continue;
      const label = t(key);
      const b = element("button", label);
      b.type = "button";
      b.dataset.take = take;
      b.setAttribute("aria-label", t("team-part-action", { action: label, part: partName(item), title: c.title }));
      b.setAttribute("aria-pressed", String(item.choice === take));
      b.addEventListener("click", () => void settle(section, c, () => rpc.resolveConflict(c.uid, item.field, item.block, take)));
      buttons.append(b);
    }
    row.append(name, mine, theirs, buttons);
    return row;
  }

  /** Send one choice (the post's buttons wait for it), then draw what is left. */
  async function settle(section: HTMLElement, c: PostConflict, send: () => Promise<PostConflict | null>): Promise<void> {
    for (const b of section.querySelectorAll("button")) b.disabled = true;
    try {
      const left = await send();
      // A choice may have changed the open post: show the library's copy (an
      // editor left on the older copy would have its next save refused).
      if (session.post && c.post_id === session.post.id) {
        const settled = await rpc.getPost(c.post_id);
        session.load(settled);
        await showReloaded(settled);
      }
      if (left === null) {
        setSaveState(t("team-settled", { title: c.title }));
        await refreshLibrary();
        scheduler.saved();
      }
    } catch (e) {
      showError(e);
    }
    try {
      renderConflicts(await rpc.listConflicts());
    } catch (e) {
      showError(e);
    }
    await refreshBadge();
  }

  // --- Settings → Team.

  async function renderSettings(into: HTMLElement): Promise<void> {
    const set = element("fieldset");
    set.dataset.group = "team";
    set.append(element("legend", t("settings-group-team")));
    const st = await rpc.teamStatus().catch(() => null);
    if (st?.connected) {
      const last = st.last_sync_at ? t("team-last-sync", { when: when(new Date(st.last_sync_at), new Date()) }) : t("team-not-synced-yet");
      set.append(element("p", `${t("team-library-shared", { remote: st.remote, folder: st.folder, branch: st.branch })} ${last}`));
      const now = element("button", t("ui-sync-now"));
      now.type = "button";
      now.addEventListener("click", () => void scheduler.now());
      set.append(now);
      into.append(set);
      return;
    }
    set.append(
      element("p", t("team-connect-hint"), "hint"),
    );
    const url = document.createElement("input");
    url.id = "team-url";
    url.spellcheck = false;
    url.placeholder = t("team-url-placeholder");
    const folder = document.createElement("input");
    folder.id = "team-folder";
    folder.spellcheck = false;
    folder.placeholder = "postdesk";
    const result = element("p", "", "setting-error");
    result.id = "team-result";
    result.setAttribute("role", "alert");
    const label = (text: string, input: HTMLInputElement) => {
      const l = element("label", text);
      l.htmlFor = input.id;
      return l;
    };
    const connect = element("button", t("team-connect"));
    connect.type = "button";
    connect.id = "team-connect";
    const local = element("button", t("team-connect-folder"));
    local.type = "button";
    local.id = "team-connect-folder";
    const connected = async (report: Promise<SyncReport>) => {
      connect.disabled = local.disabled = true;
      result.textContent = t("team-connecting");
      try {
        const r = await report;
        result.textContent = reportText(r) ?? t("team-connected");
        await refreshLibrary();
        await refreshBadge();
        scheduler.start();
      } catch (e) {
        result.textContent = errorText(e, t("team-connect-failed"));
      } finally {
        connect.disabled = local.disabled = false;
      }
    };
    connect.addEventListener("click", () => void connected(rpc.teamConnect(url.value, folder.value.trim() || null)));
    local.addEventListener("click", async () => {
      const chosen = await rpc.pickFolder().catch((e) => {
        showError(e);
        return null;
      });
      if (chosen) await connected(rpc.teamConnectFolder(chosen.token, folder.value.trim() || null));
    });
    set.append(label(t("team-repo-address"), url), url, label(t("team-folder-inside"), folder), folder, connect, local, result);
    into.append(set);
  }

  return {
    saved: () => {
      if (status?.connected) scheduler.saved();
    },
    changed: () => {
      window.clearTimeout(badgeTimer);
      badgeTimer = window.setTimeout(() => void refreshBadge(), 300);
    },
    async showChangedBy(post) {
      const line = $("changed-by");
      line.textContent = "";
      if (!status?.connected) return;
      const by = await rpc.postChangedBy(post.id).catch(() => null);
      if (by && session.post?.id === post.id) line.textContent = t("team-changed-by", { name: by.name, at: dateTime(by.at) });
    },
    renderSettings,
    flag: (id) => (conflicted.has(id) ? t("team-to-settle") : null),
    async start() {
      await refreshBadge();
      if (status?.connected) scheduler.start();
    },
  };
}
