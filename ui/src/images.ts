// Images pasted or dropped into the editor: the writer gives the alt text
// (#alt-dialog), then the image is stored as a library asset and inserted as
// Markdown (the order is imageInsert.ts's).
import { $, showError } from "./dom";
import { t } from "./i18n";
import { imageMarkdownWith } from "./imageInsert";
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

/** The Markdown that shows `file`, stored once the alt text is given; null when cancelled or failed. */
export async function imageMarkdown(file: File): Promise<string | null> {
  try {
    return await imageMarkdownWith(file, {
      askAlt: askAltText,
      read: readBase64,
      store: async (name, data) => (await rpc.addAsset(name, data)).reference,
    });
  } catch (e) {
    showError(e);
    return null;
  }
}
