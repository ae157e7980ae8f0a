// The Publish dialog (#publish-dialog) and the post details' "Open on site"
// (#open-on-site). The dialog offers the targets that are set up (WordPress,
// the site repository), runs them with progress, shows the outcome with the
// remote link, and after a failure offers what fits: Overwrite (with the
// difference) when the post was changed on the site, Settings at the missing
// key when something is not set up. Decisions are in publishing.ts.
import type { EditingSession } from "./editing";
import { $, element, errorText, showError } from "./dom";
import { stepText } from "./exportText";
import { errorSentence, t } from "./i18n";
import { BackendError, rpc } from "./rpc";
import type { SettingsWindow } from "./settings";
import type { WordPressSettings, WordPressStatus } from "./types";
import {
  parseChangedOnSite,
  publishTargets,
  remedyFor,
  settingsKeyFor,
  siteOutcomeText,
  wordpressOutcomeText,
} from "./publishing";

export interface PublishViews {
  session: EditingSession;
  settings: SettingsWindow;
}

export function setupPublishing({ session, settings }: PublishViews): void {
  const dialog = $<HTMLDialogElement>("publish-dialog");
  const useWp = $<HTMLInputElement>("publish-wp");
  const useSite = $<HTMLInputElement>("publish-site");
  const wpStatus = $<HTMLSelectElement>("publish-wp-status");
  const bar = $<HTMLProgressElement>("publish-progress");
  const step = $("publish-step");
  const result = $("publish-result");
  const diff = $("publish-diff");
  const link = $("publish-link");
  const openSite = $("publish-open-site");
  const overwrite = $("publish-overwrite");
  const toSettings = $("publish-settings");
  const go = $<HTMLButtonElement>("publish-go");
  const remoteNote = $("publish-remote");
  const detailsRow = $("remote-copy");
  let wp: WordPressSettings | null = null;
  let settingsKey = "wordpress.url";
  let siteLink: string | null = null;

  function reset(): void {
    for (const el of [result, step, remoteNote]) el.textContent = "";
    diff.replaceChildren();
    diff.hidden = true;
    link.textContent = "";
    for (const el of [openSite, overwrite, toSettings, bar]) el.hidden = true;
  }

  function showLink(url: string | null): void {
    siteLink = url;
    link.textContent = url ?? "";
    openSite.hidden = url === null;
    detailsRow.hidden = url === null;
  }

  async function open(): Promise<void> {
    reset();
    await session.save("autosave");
    const post = session.post;
    $("publish-post").textContent = post ? t("quoted", { text: post.title }) : t("publish-no-post");
    const [wordpress, all] = await Promise.all([rpc.wordpressSettings(), rpc.listSettings()]);
    wp = wordpress;
    const targets = publishTargets(wordpress, all);
    $("publish-wp-box").hidden = !targets.wordpress;
    $("publish-site-box").hidden = !targets.site;
    $("publish-wp-site").textContent = wordpress.url;
    useWp.checked = targets.wordpress;
    useSite.checked = targets.site && !targets.wordpress;
    const nothing = !targets.wordpress && !targets.site;
    $("publish-none").hidden = !nothing;
    go.disabled = nothing || !post;
    if (nothing) {
      settingsKey = "wordpress.url";
      toSettings.hidden = false;
    }
    dialog.showModal();
    if (post && targets.wordpress && wordpress.password_stored) void showRemoteState(post.id);
  }

  /** Say where the post stands on the site (asks the site; quiet when it cannot). */
  async function showRemoteState(id: number): Promise<void> {
    try {
      const status = await rpc.wordpressRemoteStatus(id);
      if (session.post?.id !== id || !status.published) return;
      showLink(status.link);
      remoteNote.textContent = status.deleted_on_site
        ? t("publish-remote-deleted")
        : status.changed_on_site
          ? t("publish-remote-changed")
          : t("publish-remote-again");
    } catch {
      // The outcome of Publish says what is wrong.
    }
  }

  async function run(force: boolean): Promise<void> {
    const post = session.post;
    if (!post || !wp) return;
    await session.save("autosave");
    reset();
    go.disabled = true;
    bar.hidden = false;
    bar.removeAttribute("value");
    const lines: string[] = [];
    try {
      if (useWp.checked && !$("publish-wp-box").hidden) {
        step.textContent = t("publish-sending-wp");
        const status = (wpStatus.value || undefined) as WordPressStatus | undefined;
        const outcome = await rpc.publishWordPress(post.id, { status, force });
        lines.push(wordpressOutcomeText(outcome, post.title));
        showLink(outcome.link);
      }
      if (useSite.checked && !$("publish-site-box").hidden) {
        step.textContent = t("publish-writing-repo");
        const report = await rpc.publishSite({ kind: "posts", ids: [post.id] }, (p) => {
          bar.max = Math.max(p.total, 1);
          bar.value = p.done;
          step.textContent = stepText(p);
        });
        lines.push(siteOutcomeText(report));
      }
      if (lines.length === 0) lines.push(t("publish-choose-where"));
      bar.max = 1;
      bar.value = 1;
      step.textContent = "";
    } catch (e) {
      bar.hidden = true;
      step.textContent = "";
      showFailure(e, lines);
    } finally {
      result.textContent = lines.join(" ");
      go.disabled = false;
    }
  }

  /** The failure's words, and the button that helps. */
  function showFailure(e: unknown, lines: string[]): void {
    const code = e instanceof BackendError ? e.code : null;
    const remedy = remedyFor(code);
    if (remedy === "overwrite" && e instanceof BackendError) {
      const changed = parseChangedOnSite(e.message);
      lines.push(errorSentence(e.code, changed.sentence));
      diff.replaceChildren(
        element("p", t("publish-diff-intro"), "diff-notice"),
        ...changed.lines.map((l) => element("div", `${l.kind === "added" ? "+" : l.kind === "removed" ? "−" : " "} ${l.text}`, `diff-${l.kind}`)),
      );
      diff.hidden = false;
      overwrite.hidden = false;
      return;
    }
    lines.push(errorText(e, t("publish-failed")));
    if (remedy === "settings" && wp) {
      settingsKey = settingsKeyFor(code, wp);
      toSettings.hidden = false;
    }
  }

  $("open-publish").addEventListener("click", () => void open().catch(showError));
  go.addEventListener("click", () => void run(false));
  overwrite.addEventListener("click", () => void run(true));
  toSettings.addEventListener("click", () => {
    dialog.close();
    void settings.open(settingsKey).catch(showError);
  });
  const openOnSite = () => {
    if (siteLink) rpc.openLink(siteLink).catch(showError);
  };
  openSite.addEventListener("click", openOnSite);
  $("open-on-site").addEventListener("click", openOnSite);

  // The details' "Open on site": shown when the open post has a copy on the site.
  let shownFor: number | null = null;
  session.on((ev) => {
    if (ev.type !== "preview" || ev.post.id === shownFor) return;
    shownFor = ev.post.id;
    const id = ev.post.id;
    rpc
      .wordpressLink(id)
      .then((url) => {
        if (session.post?.id === id) showLink(url);
      })
      .catch(() => showLink(null));
  });
}
