// The Email tab (#email): what the newsletter export builds from the saved
// post, at two widths, as HTML or text; copy it or save it as .eml.
import type { EditingSession } from "./editing";
import { $, showEmailPart, showError, toggleGroup } from "./dom";
import { t } from "./i18n";
import { rpc } from "./rpc";
import { setSaveState } from "./statusbar";

export interface EmailTab {
  /** Build the email again, when the tab is shown (saving what is typed first). */
  refresh(): Promise<void>;
}

export interface EmailDeps {
  session: EditingSession;
  /** True when the Email tab is the one shown. */
  shown(): boolean;
}

export function setupEmailTab({ session, shown }: EmailDeps): EmailTab {
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
      $("email-warnings").textContent = email.warnings.join(" ");
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
