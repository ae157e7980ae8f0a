// Start-up and wiring: builds the editing session over `rpc` and the preview
// frame, sets up every view, routes the session's events to them, and opens
// the first post. Every rule lives elsewhere: editing in editing.ts, each
// view in its own file, everything else in the Rust core.
import { setupDetails } from "./details";
import { setupDigest } from "./digest";
import { $, showError } from "./dom";
import { createEditor } from "./editor";
import { EditingSession, type PreviewTarget } from "./editing";
import { setupEmailTab } from "./email";
import { setupExportDialog } from "./exportDialog";
import { time } from "./format";
import { setupHistory } from "./history";
import { setupImportDialog } from "./importDialog";
import { imageMarkdown } from "./images";
import { scrollSync, setupLayout } from "./layout";
import { setupLibrary } from "./library";
import { showListing } from "./listing";
import { PreviewFrame } from "./preview";
import { setupPublishing } from "./publish";
import { rpc } from "./rpc";
import { setupSettings, showWelcomeIfDue } from "./settings";
import { setupShortcuts } from "./shortcuts";
import { setupRecovery } from "./recovery";
import { retryingText, setSaveState, showCounts } from "./statusbar";
import { setupWorkspace } from "./workspace";

const frame = new PreviewFrame(
  $<HTMLIFrameElement>("preview"),
  (url) => rpc.openLink(url).catch(showError),
  (fraction) => sync.scrolled("preview", fraction),
);
const previewTarget: PreviewTarget = {
  needsAll: () => frame.needsAll(),
  show: (post, preview, reset) => frame.show(post.title, preview.keys, preview.html, reset),
};
const session = new EditingSession(rpc, previewTarget);

const editor = createEditor($("editor"), {
  onChange: (text) => session.edit({ body: text }),
  onBlur: () => void session.save("autosave"),
  onSave: () => void session.save("save"),
  onImage: imageMarkdown,
});
const sync = scrollSync(editor.view.scrollDOM, (fraction) => void frame.scrollToFraction(fraction));

const workspace = setupWorkspace(() => ({ session, editor, frame, details, library, email, history }));
const details = setupDetails(session);
const library = setupLibrary({ session, open: workspace.open, focusTitle: details.focusTitle });
const history = setupHistory({ session, showRestored: workspace.showReloaded });
const layout = setupLayout((tab) => {
  if (tab === "email") void email.refresh();
});
const email = setupEmailTab({ session, shown: () => layout.tab() === "email" });
setupDigest(session);
setupExportDialog(session);
const settingsWindow = setupSettings(() => void email.refresh());
setupShortcuts({
  save: () => void session.save("save"),
  quit: () => void session.save("autosave").finally(() => rpc.quit().catch(showError)),
});
window.addEventListener("blur", () => void session.save("autosave"));
setupPublishing({ session, settings: settingsWindow });
setupImportDialog(() => void library.refresh());

/** A failed save is being retried: its error was shown once, the status bar says the rest. */
let retrying = false;
session.on((ev) => {
  switch (ev.type) {
    case "editing":
      return setSaveState("Editing…");
    case "saving":
      return setSaveState("Saving…");
    case "slug":
      return details.setSlug(ev.slug);
    case "saved":
      retrying = false;
      setSaveState(ev.kind === "save" ? `Revision saved ${time(ev.post.updated_at)}` : `Saved ${time(ev.post.updated_at)}`);
      void library.refresh();
      if (layout.tab() === "email" && ev.patch) window.setTimeout(() => void email.refresh(), 0);
      return;
    case "error":
      if (ev.during === "save") setSaveState("Not saved");
      return retrying && ev.during === "save" ? undefined : showError(ev.error);
    case "retry":
      retrying = true;
      return setSaveState(retryingText(ev.code));
    case "preview":
      showCounts(ev.post, ev.preview);
      showListing(ev.post, ev.preview).catch(showError);
      return;
  }
});

void (async () => {
  if (await setupRecovery()) return;
  try {
    await library.loadChoices();
  } catch (e) {
    showError(e);
  }
  await library.refresh();
  const first = library.firstId();
  if (first !== null) await workspace.open(first);
  else document.body.classList.add("nothing");
  document.body.dataset.ready = "true";
  await showWelcomeIfDue().catch(showError);
})();
