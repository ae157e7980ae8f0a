// App-wide keyboard shortcuts and the shortcuts sheet (#help-dialog). The
// editor's own shortcuts (bold, links, headings, Ctrl+S) are in editor.ts.
import { $ } from "./dom";

export interface ShortcutActions {
  /** Ctrl+S: save a revision now. */
  save(): void;
  /** Ctrl+Q: save what is typed, then quit. */
  quit(): void;
}

export function setupShortcuts(actions: ShortcutActions): void {
  const search = $<HTMLInputElement>("search");
  document.addEventListener("keydown", (ev) => {
    const mod = ev.ctrlKey || ev.metaKey;
    if (!mod) return;
    // ev.code is layout-independent and survives a held Ctrl (some input paths report a control character in ev.key).
    const key = /^Key[A-Z]$/.test(ev.code) ? ev.code.slice(3).toLowerCase() : ev.key.toLowerCase();
    if (ev.shiftKey && key === "f") {
      ev.preventDefault();
      search.focus();
      search.select();
    } else if (!ev.shiftKey && key === "n") {
      ev.preventDefault();
      $("new-post").click();
    } else if (!ev.shiftKey && key === "s") {
      ev.preventDefault();
      actions.save();
    } else if (!ev.shiftKey && key === "q") {
      ev.preventDefault();
      actions.quit();
    }
  });
  $("help").addEventListener("click", () => $<HTMLDialogElement>("help-dialog").showModal());
}
