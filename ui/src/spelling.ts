// The post's language on every element that holds its text (the editor's
// content, title, teaser, email preview text), so the system's spell checker
// checks a French post in French on an English laptop (WebKitGTK: the
// dictionaries src-tauri/desktop/spellcheck.rs enables; macOS and Windows:
// their own checker, which follows `lang`).
import type { EditorView } from "@codemirror/view";
import { $ } from "./dom";

const POST_TEXT_FIELDS = ["title", "summary", "preview_text"];

/** Mark the editor and the post's text fields as written in `lang`. */
export function showPostLanguage(view: EditorView, lang: string): void {
  if (view.contentDOM.lang === lang) return;
  view.contentDOM.lang = lang;
  view.contentDOM.spellcheck = true;
  const meta = $<HTMLFormElement>("meta");
  for (const name of POST_TEXT_FIELDS) {
    const el = meta.elements.namedItem(name);
    if (el instanceof HTMLElement) {
      el.lang = lang;
      el.spellcheck = true;
    }
  }
}
