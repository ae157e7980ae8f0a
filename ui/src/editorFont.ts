// The editor's font from the `ui.editor_font` setting, NO DOM (tested:
// editorFont.test.ts). The proportional writing font, IBM Plex Sans (SIL
// Open Font License), is bundled by Vite (imported in editor.ts), so it
// works offline; style.css picks the family from `body[data-editor-font]`.
import type { Setting } from "./types";

export type EditorFont = "proportional" | "monospace";

export const EDITOR_FONT_KEY = "ui.editor_font";

/** The font a setting's value asks for; proportional unless it says monospace. */
export function editorFontOf(value: string | undefined): EditorFont {
  return value === "monospace" ? "monospace" : "proportional";
}

/** The font the library's settings ask for. */
export function editorFont(settings: Setting[]): EditorFont {
  return editorFontOf(settings.find((s) => s.key === EDITOR_FONT_KEY)?.value);
}
