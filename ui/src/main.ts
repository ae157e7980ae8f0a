// Start-up and wiring: builds the editing session over `rpc` and the preview
// frame, sets up every view, routes the session's events to them, and opens
// the first post. Every rule lives elsewhere: editing in editing.ts, each
// view in its own file, everything else in the Rust core.
// Start-up marks (read by the e2e figures test): the bundle is parsed and runs.
performance.mark("js-start");
import { redo, undo } from "@codemirror/commands";
import { openSearchPanel } from "@codemirror/search";
import { setupDetails } from "./details";
import { EDITOR_FONT_KEY, editorFont, editorFontOf } from "./editorFont";
import { setupFeaturedPicker } from "./featuredPicker";
import { $, showError } from "./dom";
import { createEditor } from "./editor";
import { EditingSession, type PreviewTarget } from "./editing";
import type { EmailTab } from "./email";
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
import { startupMark, startupOver } from "./phases";
import { onLanguageChange, t } from "./i18n";
import { loadLanguage } from "./language";
import { setupSettings, showWelcomeIfDue } from "./settings";
import { setupMenuBar, setupShortcuts } from "./shortcuts";
import { showPostLanguage } from "./spelling";
import { setupTeam } from "./team";
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
  show: (post, preview, reset) => frame.show(post.title, preview.splice, reset),
};
const session = new EditingSession(rpc, previewTarget);

const editor = createEditor($("editor"), {
  onChange: (text, changes) => session.edit({ body: text }, { changes }),
  onBlur: () => void session.save("autosave"),
  onSave: () => void commands.run("save", "key"),
  onImage: imageMarkdown,
});
const sync = scrollSync(editor.view.scrollDOM, (fraction) => void frame.scrollToFraction(fraction));

const workspace = setupWorkspace(() => ({ session, editor, frame, details, library, email, history }));
const details = setupDetails(session, (id) => openPost(id));
/** Open a post in every view, then say who last changed it in the team. */
const openPost = async (id: number) => {
  await workspace.open(id);
  if (session.post) void team.showChangedBy(session.post);
};
const library = setupLibrary({ session, open: openPost, focusTitle: details.focusTitle, flag: (id) => team.flag(id) });
const history = setupHistory({ session, showRestored: workspace.showReloaded });
const layout = setupLayout((tab) => {
  if (tab === "email") void email.refresh();
});
// The Email tab, the digest builder and the export dialog load after the
// library is on screen (dynamic imports: chunks of their own), so their code
// is neither parsed nor run before the first paint.
let emailTab: Promise<EmailTab> | null = null;
const email: EmailTab = {
  refresh: async () => {
    if (layout.tab() !== "email") return;
    emailTab ??= import("./email").then((m) => m.setupEmailTab({ session, shown: () => layout.tab() === "email", settings: settingsWindow }));
    await (await emailTab).refresh();
  },
};
const laterViews = () =>
  Promise.all([import("./digest").then((m) => m.setupDigest(session, settingsWindow)), import("./exportDialog").then((m) => m.setupExportDialog(session))]);
const team = setupTeam({ session, refreshLibrary: () => library.refresh(), showReloaded: workspace.showReloaded });
const settingsWindow = setupSettings(
  (s) => {
    if (s.key === EDITOR_FONT_KEY) document.body.dataset.editorFont = editorFontOf(s.value);
    void email.refresh();
  },
  [team.renderSettings],
);
const commands = setupShortcuts({
  save: () => {
    void session.save("save");
    team.saved();
  },
  quit: () => void session.save("autosave").finally(() => rpc.quit().catch(showError)),
  undo: () => (editor.view.hasFocus ? undo(editor.view) : document.execCommand("undo")),
  redo: () => (editor.view.hasFocus ? redo(editor.view) : document.execCommand("redo")),
  findInPost: () => {
    editor.view.focus();
    openSearchPanel(editor.view);
  },
});
window.addEventListener("blur", () => void session.save("autosave"));
setupPublishing({ session, settings: settingsWindow });
setupImportDialog(() => void library.refresh());
setupFeaturedPicker(session);

// A switch in Settings redraws the words the views drew themselves (the page's own are translated by language.ts).
onLanguageChange(() => {
  void library.loadChoices().catch(showError);
  void library.refresh();
  if (session.post) {
    details.fill(session.post);
    setSaveState(t("save-saved", { time: time(session.post.updated_at) }));
    void session.renderPreview();
  }
  void email.refresh();
});

/** A failed save is being retried: its error was shown once, the status bar says the rest. */
let retrying = false;
session.on((ev) => {
  switch (ev.type) {
    case "editing":
      return setSaveState(t("save-editing"));
    case "saving":
      return setSaveState(t("save-saving"));
    case "slug":
      return details.setSlug(ev.slug);
    case "saved":
      retrying = false;
      setSaveState(ev.kind === "save" ? t("save-revision-saved", { time: time(ev.post.updated_at) }) : t("save-saved", { time: time(ev.post.updated_at) }));
      void library.refresh();
      team.changed();
      if (layout.tab() === "email" && ev.patch) window.setTimeout(() => void email.refresh(), 0);
      return;
    case "error":
      if (ev.during === "save") setSaveState(t("save-not-saved"));
      return retrying && ev.during === "save" ? undefined : showError(ev.error);
    case "reloaded":
      retrying = false;
      setSaveState(t("team-updated-open-post"));
      void workspace.showReloaded(ev.post);
      void library.refresh();
      return;
    case "retry":
      retrying = true;
      return setSaveState(retryingText(ev.code));
    case "preview":
      showPostLanguage(editor.view, ev.post.lang);
      showCounts(ev.post, ev.preview);
      showListing(ev.post, ev.preview).catch(showError);
      return;
  }
});

void (async () => {
  startupMark("views-set-up");
  frame.preload();
  const settings = await loadLanguage();
  startupMark("language-loaded");
  if (await setupRecovery()) return;
  startupMark("recovery-checked");
  if (settings) document.body.dataset.editorFont = editorFont(settings);
  // The template menu and tag suggestions load beside the list, not before it.
  const choices = library.loadChoices().catch(showError);
  await library.refresh();
  performance.mark("library-listed");
  requestAnimationFrame(() => performance.mark("library-painted"));
  const first = library.firstId();
  if (first !== null) await openPost(first);
  else document.body.classList.add("nothing");
  performance.mark("editable");
  requestAnimationFrame(() => {
    performance.mark("editable-painted");
    rpc.windowReady().catch(showError);
  });
  // The digest and export views load once the post can be typed in.
  await laterViews().catch(showError);
  await choices;
  startupMark("views-ready");
  startupOver();
  document.body.dataset.ready = "true";
  void setupMenuBar(commands).catch(showError);
  await showWelcomeIfDue().catch(showError);
  await team.start();
})();
