// The export dialog (#export-dialog): format, posts and folder; progress;
// the offer to overwrite on a conflict; show the result in the file manager.
import type { EditingSession } from "./editing";
import { $, errorText, showError } from "./dom";
import { BackendError, rpc } from "./rpc";
import type { ExportScope } from "./types";

export function setupExportDialog(session: EditingSession): void {
  const dialog = $<HTMLDialogElement>("export-dialog");
  const bar = $<HTMLProgressElement>("export-progress");
  const step = $("export-step");
  const result = $("export-result");
  const show = $("export-show");
  const force = $("export-force");
  const go = $<HTMLButtonElement>("export-go");
  const dir = $<HTMLInputElement>("export-dir");
  let exportedTo = "";

  function scope(): ExportScope {
    const kind = $<HTMLSelectElement>("export-scope").value;
    const post = session.post;
    return kind === "post" && post ? { kind: "post", id: post.id } : { kind: kind as "published" | "all" };
  }

  async function run(overwrite: boolean): Promise<void> {
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
      const r = await rpc.exportSite(format, dir.value, what, overwrite, (p) => {
        bar.max = Math.max(p.total, 1);
        bar.value = p.done;
        step.textContent = p.step;
      });
      bar.value = bar.max;
      exportedTo = r.out_dir;
      result.textContent = [r.summary, ...r.warnings].join(" ");
      show.hidden = false;
    } catch (e) {
      result.textContent = errorText(e, "The export failed.");
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
        if (picked) dir.value = picked;
      })
      .catch(showError);
  });
  go.addEventListener("click", () => void run(false));
  force.addEventListener("click", () => void run(true));
  show.addEventListener("click", () => rpc.showInFolder(exportedTo).catch(showError));
}
