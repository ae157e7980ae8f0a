// App-wide keyboard shortcuts, the commands the menu bar and they run
// (menu.ts), the webview zoom, and shortcut names for the system (⌘ on macOS).
// The editor's own shortcuts (bold, links, headings) are in editor.ts.
import { $, showError } from "./dom";
import { currentPlatform, nextZoom, shortcutText, storedZoom } from "./keys";
import { Commands, installMenu, type CommandId } from "./menu";
import { onLanguageChange } from "./i18n";

export interface ShortcutActions {
  /** Ctrl+S: save a revision now. */
  save(): void;
  /** Ctrl+Q: save what is typed, then quit. */
  quit(): void;
  /** Undo / redo in the editor (or the focused field). */
  undo(): void;
  redo(): void;
  /** Ctrl+F: the editor's find and replace. */
  findInPost(): void;
}

/** The laptop's zoom level, kept by the webview's own storage. */
const ZOOM_KEY = "postdesk.zoom";

async function setZoom(level: number): Promise<void> {
  try {
    localStorage.setItem(ZOOM_KEY, String(level));
  } catch {
    // Storage refused (private mode): the zoom still applies for this session.
  }
  document.documentElement.dataset.zoom = String(level);
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  await getCurrentWebview().setZoom(level);
}

function zoomLevel(): number {
  try {
    return storedZoom(localStorage.getItem(ZOOM_KEY));
  } catch {
    return 1;
  }
}

/** Show every "Ctrl+…" the page writes as this system writes it (⌘ on macOS). */
export function localizeShortcuts(root: ParentNode = document): void {
  const platform = currentPlatform();
  if (platform !== "mac") return;
  for (const el of root.querySelectorAll<HTMLElement>("kbd")) el.textContent = shortcutText(el.textContent ?? "", platform);
  for (const el of root.querySelectorAll<HTMLElement>("[title*='Ctrl'], [placeholder*='Ctrl'], [aria-label*='Ctrl']")) {
    for (const attr of ["title", "placeholder", "aria-label"]) {
      const v = el.getAttribute(attr);
      if (v) el.setAttribute(attr, shortcutText(v, platform));
    }
  }
}

/** The command a key press with Ctrl/Cmd asks for, if any. */
function commandFor(ev: KeyboardEvent): CommandId | null {
  if (ev.key === "F1" && !ev.ctrlKey && !ev.metaKey && !ev.altKey) return "shortcuts";
  if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return null;
  // ev.code is layout-independent and survives a held Ctrl (some input paths report a control character in ev.key).
  const key = /^Key[A-Z]$/.test(ev.code) ? ev.code.slice(3).toLowerCase() : ev.key.toLowerCase();
  if (ev.shiftKey && key === "f") return "find-in-library";
  if (key === "=" || key === "+" || ev.code === "NumpadAdd") return "zoom-in";
  if (key === "-" || ev.code === "NumpadSubtract") return "zoom-out";
  if (!ev.shiftKey && (key === "0" || ev.code === "Numpad0")) return "zoom-reset";
  if (ev.shiftKey) return null;
  const plain: Record<string, CommandId> = { n: "new-post", s: "save", q: "quit", ",": "settings" };
  return plain[key] ?? null;
}

/** Set a post field as if typed in the details panel (saved like any change there). */
function setField(name: string, value: string): void {
  const el = $<HTMLFormElement>("meta").elements.namedItem(name) as HTMLSelectElement | null;
  if (!el || el.value === value) return;
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

export function setupShortcuts(actions: ShortcutActions): Commands {
  const search = $<HTMLInputElement>("search");
  const click = (id: string) => () => $(id).click();
  const clickFirst = (css: string) => () => document.querySelector<HTMLElement>(css)?.click();
  const zoom = (direction: -1 | 0 | 1) => () => void setZoom(nextZoom(zoomLevel(), direction)).catch(showError);
  const commands = new Commands({
    "new-post": click("new-post"),
    import: click("open-import"),
    export: click("open-export"),
    publish: click("open-publish"),
    digest: click("open-digest"),
    settings: click("open-settings"),
    quit: actions.quit,
    undo: actions.undo,
    redo: actions.redo,
    "find-in-post": actions.findInPost,
    "find-in-library": () => {
      search.focus();
      search.select();
    },
    "zoom-in": zoom(1),
    "zoom-out": zoom(-1),
    "zoom-reset": zoom(0),
    "tab-page": clickFirst("#toolbar [data-tab=page]"),
    "tab-listing": clickFirst("#toolbar [data-tab=listing]"),
    "tab-email": clickFirst("#toolbar [data-tab=email]"),
    "layout-split": clickFirst("#toolbar [data-mode=split]"),
    "layout-editor": clickFirst("#toolbar [data-mode=editor]"),
    "layout-preview": clickFirst("#toolbar [data-mode=preview]"),
    details: click("toggle-meta"),
    history: click("show-revisions"),
    "trash-list": click("toggle-trash"),
    save: actions.save,
    duplicate: click("duplicate"),
    translate: click("translate"),
    trash: click("trash"),
    "status-draft": () => setField("status", "draft"),
    "status-review": () => setField("status", "review"),
    "status-ready": () => setField("status", "ready"),
    "status-scheduled": () => setField("status", "scheduled"),
    "status-published": () => setField("status", "published"),
    "status-archived": () => setField("status", "archived"),
    shortcuts: () => {
      const help = $<HTMLDialogElement>("help-dialog");
      if (!help.open) help.showModal();
    },
  });
  document.addEventListener("keydown", (ev) => {
    // A key the editor already handled (its own Ctrl+S) is not run again.
    if (ev.defaultPrevented) return;
    const id = commandFor(ev);
    if (!id) return;
    ev.preventDefault();
    commands.run(id, "key");
  });
  const level = zoomLevel();
  if (level !== 1) void setZoom(level).catch(showError);
  localizeShortcuts();
  return commands;
}

/** Put the native menu bar up (after the first paint: it is not needed to start writing). */
export async function setupMenuBar(commands: Commands): Promise<void> {
  const { getVersion } = await import("@tauri-apps/api/app");
  const version = await getVersion().catch(() => "");
  await installMenu(currentPlatform(), commands, version);
  document.documentElement.dataset.menu = "ready";
  // The menu's labels follow the interface language.
  onLanguageChange(() => void installMenu(currentPlatform(), commands, version).catch(() => undefined));
}
