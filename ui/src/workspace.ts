// Opening a post in every view at once: the editing session, the details
// panel, the editor, the library's selection, the preview, the Email tab and
// the History panel.
import type { DetailsPanel } from "./details";
import type { Editor } from "./editor";
import type { EditingSession } from "./editing";
import type { EmailTab } from "./email";
import type { HistoryPanel } from "./history";
import type { Library } from "./library";
import type { PreviewFrame } from "./preview";
import { $, showError } from "./dom";
import { time } from "./format";
import { t } from "./i18n";
import { startupMark } from "./phases";
import { setSaveState } from "./statusbar";
import type { Post } from "./types";

export interface Workspace {
  /** Open post `id` (the open post's unsaved text is saved first). */
  open(id: number): Promise<void>;
  /** Show `post`, just reloaded into the session (a restored revision), and preview it. */
  showReloaded(post: Post): Promise<void>;
}

export interface WorkspaceViews {
  session: EditingSession;
  editor: Editor;
  frame: PreviewFrame;
  details: DetailsPanel;
  library: Library;
  email: EmailTab;
  history: HistoryPanel;
}

/** `views` is read when a post opens, so it may be filled after this is called. */
export function setupWorkspace(views: () => WorkspaceViews): Workspace {
  function showText(post: Post): void {
    const { details, editor } = views();
    details.fill(post);
    editor.load(post.body);
  }

  return {
    async open(id) {
      const { session, editor, frame, library, email, history } = views();
      try {
        const post = await session.open(id);
        if (!post) return;
        startupMark("post-read");
        document.body.classList.remove("nothing");
        showText(post);
        const trashed = post.deleted_at !== null;
        $("trash").hidden = trashed;
        $("restore").hidden = !trashed;
        editor.view.contentDOM.contentEditable = String(!trashed);
        setSaveState(t("save-saved", { time: time(post.updated_at) }));
        library.markSelected(id);
        await frame.reset(post.lang);
        startupMark("preview-frame-loaded");
        await session.renderPreview();
        startupMark("preview-rendered");
        void email.refresh();
        if (history.isOpen()) await history.show();
      } catch (e) {
        showError(e);
      }
    },
    async showReloaded(post) {
      showText(post);
      await views().session.renderPreview();
    },
  };
}
