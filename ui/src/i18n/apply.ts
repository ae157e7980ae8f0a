// Puts the catalogue's words into the page: every element of index.html
// marked `data-i18n="key"` gets the key's text, and `data-i18n-attr=
// "placeholder:key title:key aria-label:key"` its attributes. Run at start-up
// and again after each language switch (views that build their own elements
// redraw them through onLanguageChange).
import { language, t } from "./index";

/** Translate the marked elements under `root` (the whole page by default). */
export function translatePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = el.dataset.i18n;
    if (key) el.textContent = t(key);
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    for (const pair of (el.dataset.i18nAttr ?? "").split(/\s+/)) {
      const [attr, key] = pair.split(":");
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
  if (root === document) {
    document.documentElement.lang = language();
    document.title = t("app-name");
  }
}
