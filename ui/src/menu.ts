// The native menu bar (File, Edit, View, Post, Help), built from the page with
// Tauri's menu API, and the one dispatcher its items and the page's own
// keyboard shortcuts share. A key that both a menu accelerator and the page
// see (GTK gives accelerators the key first; macOS may give it to both) runs
// its command once: `Commands.run` drops a repeat of the same command from
// the other source within DEDUPE_MS. menuSpec() and Commands need no Tauri
// and are tested by menu.test.ts.
import { t } from "./i18n";
import type { Platform } from "./keys";

/** The menu bar's catalogue keys (menu-…, in ui/src/i18n/*.ftl). */
const MENU_KEYS = {
  app: "menu-app",
  file: "menu-file",
  newPost: "menu-new-post",
  import: "menu-import",
  export: "menu-export",
  publish: "menu-publish",
  digest: "menu-digest",
  settings: "menu-settings",
  quit: "menu-quit",
  edit: "menu-edit",
  undo: "menu-undo",
  redo: "menu-redo",
  cut: "menu-cut",
  copy: "menu-copy",
  paste: "menu-paste",
  selectAll: "menu-select-all",
  findInPost: "menu-find-in-post",
  findInLibrary: "menu-find-in-library",
  view: "menu-view",
  zoomIn: "menu-zoom-in",
  zoomOut: "menu-zoom-out",
  zoomReset: "menu-zoom-reset",
  tabPage: "menu-tab-page",
  tabListing: "menu-tab-listing",
  tabEmail: "menu-tab-email",
  layoutSplit: "menu-layout-split",
  layoutEditor: "menu-layout-editor",
  layoutPreview: "menu-layout-preview",
  details: "menu-details",
  history: "menu-history",
  trashList: "menu-trash-list",
  post: "menu-post",
  save: "menu-save",
  duplicate: "menu-duplicate",
  translate: "menu-translate",
  trash: "menu-trash",
  statusDraft: "menu-status-draft",
  statusReview: "menu-status-review",
  statusReady: "menu-status-ready",
  statusScheduled: "menu-status-scheduled",
  statusPublished: "menu-status-published",
  statusArchived: "menu-status-archived",
  help: "menu-help",
  shortcuts: "menu-shortcuts",
  about: "menu-about",
  aboutComments: "menu-about-comments",
} as const;

export type MenuLabels = Record<keyof typeof MENU_KEYS, string>;

/** Every label of the menu bar in the interface language. */
export function menuLabels(): MenuLabels {
  return Object.fromEntries(Object.entries(MENU_KEYS).map(([name, key]) => [name, t(key)])) as MenuLabels;
}

/** What a menu item or a shortcut asks the app to do. */
export type CommandId =
  | "new-post"
  | "import"
  | "export"
  | "publish"
  | "digest"
  | "settings"
  | "quit"
  | "undo"
  | "redo"
  | "find-in-post"
  | "find-in-library"
  | "zoom-in"
  | "zoom-out"
  | "zoom-reset"
  | "tab-page"
  | "tab-listing"
  | "tab-email"
  | "layout-split"
  | "layout-editor"
  | "layout-preview"
  | "details"
  | "history"
  | "trash-list"
  | "save"
  | "duplicate"
  | "translate"
  | "trash"
  | "status-draft"
  | "status-review"
  | "status-ready"
  | "status-scheduled"
  | "status-published"
  | "status-archived"
  | "shortcuts";

export type NativeItem = "Cut" | "Copy" | "Paste" | "SelectAll";

export type ItemSpec =
  | { id: CommandId; text: string; accelerator?: string }
  | { native: NativeItem; text: string }
  | { about: string }
  | "separator";

export interface SubmenuSpec {
  text: string;
  items: ItemSpec[];
}

/** The menu bar for `platform` (macOS: Settings, About and Quit in the app menu). */
export function menuSpec(platform: Platform, L: MenuLabels = menuLabels()): SubmenuSpec[] {
  const mac = platform === "mac";
  const settings: ItemSpec = { id: "settings", text: L.settings, accelerator: "CmdOrCtrl+," };
  const quit: ItemSpec = { id: "quit", text: L.quit, accelerator: "CmdOrCtrl+Q" };
  const about: ItemSpec = { about: L.about };
  const file: ItemSpec[] = [
    { id: "new-post", text: L.newPost, accelerator: "CmdOrCtrl+N" },
    "separator",
    { id: "import", text: L.import },
    { id: "export", text: L.export },
    { id: "publish", text: L.publish },
    { id: "digest", text: L.digest },
    ...(mac ? [] : ["separator" as const, settings, "separator" as const, quit]),
  ];
  const menus: SubmenuSpec[] = [
    { text: L.file, items: file },
    {
      text: L.edit,
      items: [
        { id: "undo", text: L.undo, accelerator: "CmdOrCtrl+Z" },
        { id: "redo", text: L.redo, accelerator: "CmdOrCtrl+Shift+Z" },
        "separator",
        { native: "Cut", text: L.cut },
        { native: "Copy", text: L.copy },
        { native: "Paste", text: L.paste },
        { native: "SelectAll", text: L.selectAll },
        "separator",
        { id: "find-in-post", text: L.findInPost, accelerator: "CmdOrCtrl+F" },
        { id: "find-in-library", text: L.findInLibrary, accelerator: "CmdOrCtrl+Shift+F" },
      ],
    },
    {
      text: L.view,
      items: [
        { id: "zoom-in", text: L.zoomIn, accelerator: "CmdOrCtrl+=" },
        { id: "zoom-out", text: L.zoomOut, accelerator: "CmdOrCtrl+-" },
        { id: "zoom-reset", text: L.zoomReset, accelerator: "CmdOrCtrl+0" },
        "separator",
        { id: "tab-page", text: L.tabPage },
        { id: "tab-listing", text: L.tabListing },
        { id: "tab-email", text: L.tabEmail },
        "separator",
        { id: "layout-split", text: L.layoutSplit },
        { id: "layout-editor", text: L.layoutEditor },
        { id: "layout-preview", text: L.layoutPreview },
        "separator",
        { id: "details", text: L.details },
        { id: "history", text: L.history },
        { id: "trash-list", text: L.trashList },
      ],
    },
    {
      text: L.post,
      items: [
        { id: "save", text: L.save, accelerator: "CmdOrCtrl+S" },
        "separator",
        { id: "duplicate", text: L.duplicate },
        { id: "translate", text: L.translate },
        "separator",
        { id: "status-draft", text: L.statusDraft },
        { id: "status-review", text: L.statusReview },
        { id: "status-ready", text: L.statusReady },
        { id: "status-scheduled", text: L.statusScheduled },
        { id: "status-published", text: L.statusPublished },
        { id: "status-archived", text: L.statusArchived },
        "separator",
        { id: "trash", text: L.trash },
      ],
    },
    { text: L.help, items: [{ id: "shortcuts", text: L.shortcuts, accelerator: "F1" }, ...(mac ? [] : [about])] },
  ];
  if (mac) menus.unshift({ text: L.app, items: [about, "separator", settings, "separator", quit] });
  return menus;
}

/** How long a command from one source (menu, key) hides the same command from the other. */
export const DEDUPE_MS = 300;

export type CommandSource = "menu" | "key";

/** Runs commands, each once per key press whichever way it arrives. */
export class Commands {
  private last: { id: CommandId; source: CommandSource; at: number } | null = null;

  constructor(
    private readonly actions: Record<CommandId, () => void>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Run `id`, unless the other source ran it just now (the same key press seen twice). */
  run(id: CommandId, source: CommandSource): boolean {
    const at = this.now();
    const last = this.last;
    this.last = { id, source, at };
    if (last && last.id === id && last.source !== source && at - last.at < DEDUPE_MS) return false;
    this.actions[id]();
    return true;
  }
}

/** Build the native menu bar from `menuSpec` and make it the app's menu. */
export async function installMenu(platform: Platform, commands: Commands, version: string): Promise<void> {
  const { Menu } = await import("@tauri-apps/api/menu");
  const L = menuLabels();
  const item = (spec: ItemSpec) => {
    if (spec === "separator") return { item: "Separator" as const };
    if ("native" in spec) return { item: spec.native, text: spec.text };
    if ("about" in spec) return { item: { About: { name: L.app, version, comments: L.aboutComments } }, text: spec.about };
    return { id: `postdesk:${spec.id}`, text: spec.text, accelerator: spec.accelerator, action: () => commands.run(spec.id, "menu") };
  };
  const menu = await Menu.new({ items: menuSpec(platform).map((m) => ({ text: m.text, items: m.items.map(item) })) });
  await menu.setAsAppMenu();
}
