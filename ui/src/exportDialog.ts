// The export dialog (#export-dialog): format, posts and folder; progress;
// the offer to overwrite on a conflict; show the result in the file manager.
// The folder comes only from the system's dialog (Choose…): the field shows
// its path, the export is asked for with its token.
import type { EditingSession } from "./editing";
import { $, errorText, showError } from "./dom";
import { stepText, summaryText, warningText } from "./exportText";
import { t } from "./i18n";
import { BackendError, rpc } from "./rpc";
import type { ChosenFolder, ExportScope, FolderToken } from "./types";

export function setupExportDialog(session: EditingSession): void {
  const dialog = $<HTMLDialogElement>("export-dialog");
  const bar = $<HTMLProgressElement>("export-progress");
  const step = $("export-step");
  const result = $("export-result");
  const show = $("export-show");
  const force = $("export-force");
  const go = $<HTMLButtonElement>("export-go");
  const dir = $<HTMLInputElement>("export-dir");
  // #export-dir (read-only in index.html) shows the folder chosen in the
  // native dialog; the webview never names a path, only the folder's token.
  let chosen: ChosenFolder | null = null;
  let exportedTo: FolderToken | null = null;

  function scope(): ExportScope {
    const kind = $<HTMLSelectElement>("export-scope").value;
    const post = session.post;
    return kind === "post" && post ? { kind: "post", id: post.id } : { kind: kind as "published" | "all" };
  }

  async function run(overwrite: boolean): Promise<void> {
    if (!chosen) {
      result.textContent = t("export-choose-first");
      return;
    }
    const folder = chosen.token;
    await session.save("autosave");
    const format = $<HTMLSelectElement>("export-format").value;
    const what = scope();
    bar.hidden = false;
    bar.value = 0;
    force.hidden = true;
    show.hidden = true;
    result.textContent = "";
    go.disabled = true;
    try {
      const r = await rpc.exportSite(format, folder, what, overwrite, (p) => {
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
        step.textContent = stepText(p);
      });
      bar.value = bar.max;
      exportedTo = folder;
      result.textContent = [summaryText(r), ...r.warnings.map(warningText)].join(" ");
      show.hidden = false;
    } catch (e) {
      result.textContent = errorText(e, t("export-failed"));
      force.hidden = !(e instanceof BackendError && e.code === "export_conflict");
    } finally {
      go.disabled = false;
    }
  }

  $("open-export").addEventListener("click", () => {
    result.textContent = "";
    step.textContent = "";
    show.hidden = true;
    force.hidden = true;
    bar.hidden = true;
    dialog.showModal();
  });
  $("export-choose").addEventListener("click", () => {
    rpc
      .pickFolder()
      .then((picked) => {
        if (!picked) return;
        chosen = picked;
        dir.value = picked.display_name;
      })
      .catch(showError);
  });
  go.addEventListener("click", () => void run(false));
  force.addEventListener("click", () => void run(true));
  show.addEventListener("click", () => {
    if (exportedTo !== null) rpc.showInFolder(exportedTo).catch(showError);
  });
}
