// Images pasted or dropped into the editor: stored as library assets, then
// inserted as Markdown with the alt text the writer gives (#alt-dialog).
import { $, showError } from "./dom";
import { t } from "./i18n";
import { BackendError, rpc } from "./rpc";

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(new BackendError("read_failed", t("image-unreadable")));
    r.readAsDataURL(file);
  });
}

/** Ask for the alt text; null when the writer cancels. */
function askAltText(suggestion: string): Promise<string | null> {
  const dialog = $<HTMLDialogElement>("alt-dialog");
  const input = $<HTMLInputElement>("alt-input");
  input.value = suggestion;
  dialog.showModal();
  input.select();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok" ? input.value.trim() : null), { once: true });
  });
}

/** Store `file` and return the Markdown that shows it, or null (cancelled or failed). */
export async function imageMarkdown(file: File): Promise<string | null> {
  try {
    const data = await readBase64(file);
    const asset = await rpc.addAsset(file.name || "image", data);
    const alt = await askAltText(file.name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " "));
    if (alt === null) return null;
    return `![${alt.replace(/[[\]]/g, "")}](${asset.reference})`;
  } catch (e) {
    showError(e);
    return null;
  }
}
