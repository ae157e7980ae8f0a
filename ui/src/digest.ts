// The digest dialog (#digest-dialog): pick and order posts, write an intro,
// choose the language, preview the newsletter digest, copy it or save it as
// .eml. What is chosen is kept in the library (digestDraft.ts), so the
// digest is as it was left after a restart.
import type { EditingSession } from "./editing";
import { $, element, errorText, showEmailPart, showError, toggleGroup } from "./dom";
import { statusName, t } from "./i18n";
import { digestSource, langChoice, restoredDraft } from "./digestDraft";
import { showWarnings } from "./email";
import { rpc } from "./rpc";
import type { SettingsWindow } from "./settings";
import type { DigestDraft, EmailSource, PostSummary } from "./types";

/** Rebuild the preview this long after the last change. */
const DIGEST_PREVIEW_MS = 250;

export function setupDigest(session: EditingSession, settings: SettingsWindow): void {
  const dialog = $<HTMLDialogElement>("digest-dialog");
  const frame = $<HTMLIFrameElement>("digest-frame");
  const text = $("digest-text");
  const warnings = $("digest-warnings");
  const status = $("digest-status");
  /** The chosen posts, in digest order. */
  let ids: number[] = [];
  let posts = new Map<number, PostSummary>();
  let timer: number | undefined;
  /** The kept digest has been read (once, at the first opening). */
  let restored = false;
  const intro = $<HTMLTextAreaElement>("digest-intro");
  const subject = $<HTMLInputElement>("digest-subject");
  const esp = $<HTMLSelectElement>("digest-esp");
  const lang = $<HTMLSelectElement>("digest-lang");

  const draft = (): DigestDraft => ({ ids, intro: intro.value, subject: subject.value, esp: esp.value, lang: langChoice(lang.value) });
  const source = (): EmailSource => digestSource(draft());
  const fill = (d: DigestDraft) => {
    ids = d.ids;
    intro.value = d.intro;
    subject.value = d.subject;
    esp.value = d.esp;
    lang.value = d.lang ?? "";
  };

  /** A post with its buttons: [symbol, action, what it does, enabled]. */
  function row(p: PostSummary, buttons: [string, string, () => void, boolean?][]): HTMLLIElement {
    const li = element("li");
    li.dataset.id = String(p.id);
    li.append(element("span", `${p.title} (${p.lang.toUpperCase()}, ${statusName(p.status)})`));
    for (const [label, name, fn, enabled = true] of buttons) {
      const b = element("button", label);
      b.type = "button";
      b.title = name;
      // A screen reader says the action and the post, not the symbol.
      b.setAttribute("aria-label", t("action-on", { action: name, title: p.title }));
      b.disabled = !enabled;
      b.addEventListener("click", () => {
        fn();
        renderLists();
        schedulePreview();
      });
      li.append(b);
    }
    return li;
  }

  function move(i: number, d: number): void {
    const j = i + d;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }

  function renderLists(): void {
    $("digest-pool").replaceChildren(
      ...[...posts.values()].filter((p) => !ids.includes(p.id)).map((p) => row(p, [["+", t("digest-add"), () => ids.push(p.id)]])),
    );
    $("digest-chosen").replaceChildren(
      ...ids.map((id, i) => {
        const p = posts.get(id);
        return p
          ? row(p, [
              ["↑", t("digest-move-up"), () => move(i, -1), i > 0],
              ["↓", t("digest-move-down"), () => move(i, 1), i < ids.length - 1],
              ["✕", t("digest-remove"), () => ids.splice(i, 1)],
            ])
          : element("li");
      }),
    );
  }

  /** Preview again and keep the digest, shortly after the last change. */
  function schedulePreview(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      void refresh();
      rpc.saveDigestDraft(draft()).catch((e) => (status.textContent = errorText(e, t("digest-not-kept"))));
    }, DIGEST_PREVIEW_MS);
  }

  async function refresh(): Promise<void> {
    if (ids.length === 0) {
      frame.srcdoc = "";
      text.textContent = "";
      warnings.textContent = t("digest-empty");
      return;
    }
    try {
      const email = await rpc.emailPreview(source());
      frame.srcdoc = email.html;
      text.textContent = email.text;
      showWarnings(warnings, email.warnings, settings, [t("digest-subject-line", { subject: email.subject })]);
    } catch (e) {
      warnings.textContent = errorText(e, t("digest-failed"));
    }
  }

  $("open-digest").addEventListener("click", async () => {
    await session.save("autosave");
    try {
      const all = await rpc.listPosts({ sort: "updated" });
      posts = new Map(all.map((p) => [p.id, p]));
      if (!restored) {
        fill(restoredDraft(await rpc.digestDraft(), new Set(posts.keys())));
        restored = true;
      }
      ids = ids.filter((id) => posts.has(id));
      renderLists();
      dialog.showModal();
      await refresh();
    } catch (e) {
      showError(e);
    }
  });
  for (const el of [intro, subject, esp, lang]) el.addEventListener("input", schedulePreview);
  // A setting opened from a warning may have changed the footer.
  $("settings-dialog").addEventListener("close", () => {
    if (dialog.open) schedulePreview();
  });
  toggleGroup("#digest-dialog [data-dpart]", "aria-pressed", (b) => showEmailPart(frame, text, b.dataset.dpart));
  $("digest-copy").addEventListener("click", () => {
    rpc.copyEmail(source()).then(
      () => (status.textContent = t("digest-copied")),
      (e) => (status.textContent = errorText(e, t("not-copied"))),
    );
  });
  $("digest-save").addEventListener("click", () => {
    rpc.saveEml(source()).then(
      (path) => (status.textContent = path ? t("saved-path", { path }) : ""),
      (e) => (status.textContent = errorText(e, t("not-saved"))),
    );
  });
}
