// The Email tab (#email): what the newsletter export builds from the saved
// post, at two widths, as HTML or text; copy it or save it as .eml.
import type { EditingSession } from "./editing";
import { $, element, showEmailPart, showError, toggleGroup } from "./dom";
import { warningView } from "./emailWarnings";
import { t } from "./i18n";
import { rpc } from "./rpc";
import { settingLabel, type SettingsWindow } from "./settings";
import { setSaveState } from "./statusbar";
import type { EmailWarning } from "./types";

export interface EmailTab {
  /** Build the email again, when the tab is shown (saving what is typed first). */
  refresh(): Promise<void>;
}

export interface EmailDeps {
  session: EditingSession;
  /** True when the Email tab is the one shown. */
  shown(): boolean;
  settings: SettingsWindow;
}

/**
 * Show `warnings` in `into` (after `lead`, plain texts such as the digest's
 * subject): each its own line, one that names a setting with a button that
 * opens Settings at that field.
 */
export function showWarnings(into: HTMLElement, warnings: EmailWarning[], settings: SettingsWindow, lead: string[] = []): void {
  into.replaceChildren(
    ...lead.map((t) => element("span", t, "email-warning")),
    ...warnings.map((w) => {
      const view = warningView(w, settingLabel);
      const line = element("span", view.text, "email-warning");
      if (view.setting && view.button) {
        const key = view.setting;
        const b = element("button", view.button);
        b.type = "button";
        b.addEventListener("click", () => void settings.open(key).catch(showError));
        line.append(" ", b);
      }
      return line;
    }),
  );
}

export function setupEmailTab({ session, shown, settings }: EmailDeps): EmailTab {
  const frame = $<HTMLIFrameElement>("email-frame");
  const text = $("email-text");

  async function refresh(): Promise<void> {
    if (!session.post || !shown()) return;
    await session.save("autosave");
    const post = session.post;
    if (!post) return;
    try {
      const email = await rpc.emailPreview({ kind: "post", id: post.id });
      $("email-subject").textContent = email.subject;
      showWarnings($("email-warnings"), email.warnings, settings);
      frame.srcdoc = email.html;
      text.textContent = email.text;
    } catch (e) {
      showError(e);
    }
  }

  toggleGroup("#email [data-width]", "aria-pressed", (b) => {
    const w = `${b.dataset.width}px`;
    frame.style.width = w;
    text.style.width = w;
  });
  toggleGroup("#email [data-part]", "aria-pressed", (b) => showEmailPart(frame, text, b.dataset.part));
  $("email-copy").addEventListener("click", () => {
    if (!session.post) return;
    rpc.copyEmail({ kind: "post", id: session.post.id }).then(() => setSaveState(t("email-copied")), showError);
  });
  $("email-save").addEventListener("click", () => {
    if (!session.post) return;
    rpc.saveEml({ kind: "post", id: session.post.id }).then((path) => {
      if (path) setSaveState(t("saved-path", { path }));
    }, showError);
  });

  return { refresh };
}
