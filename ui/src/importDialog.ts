// The Import dialog (#import-dialog): a WordPress export file (WXR) chosen in
// the system's open dialog (shown by the Rust side: the webview never names a
// path), optionally with a copy of the site's uploads folder (chosen in the
// folder dialog, sent as its token), and the import's report.
import { $, element, errorText, showError } from "./dom";
import { t } from "./i18n";
import { rpc } from "./rpc";
import { importReportText } from "./publishing";
import type { FolderToken } from "./types";

export function setupImportDialog(onImported: () => void): void {
  const dialog = $<HTMLDialogElement>("import-dialog");
  const result = $("import-result");
  const details = $("import-details");
  const uploads = $<HTMLInputElement>("import-uploads");
  const go = $<HTMLButtonElement>("import-go");
  let uploadsToken: FolderToken | null = null;

  $("open-import").addEventListener("click", () => {
    result.textContent = "";
    details.replaceChildren();
    dialog.showModal();
  });
  $("import-uploads-choose").addEventListener("click", () => {
    rpc
      .pickFolder()
      .then((picked) => {
        if (!picked) return;
        uploadsToken = picked.token;
        uploads.value = picked.display_name;
      })
      .catch(showError);
  });
  go.addEventListener("click", async () => {
    go.disabled = true;
    result.textContent = t("import-running");
    details.replaceChildren();
    try {
      const report = await rpc.importWordPressFile(uploadsToken);
      if (!report) {
        result.textContent = "";
        return;
      }
      const text = importReportText(report);
      result.textContent = text.summary;
      details.replaceChildren(...text.details.map((d) => element("li", d)));
      onImported();
    } catch (e) {
      result.textContent = errorText(e, t("import-failed"));
    } finally {
      go.disabled = false;
    }
  });
}
