// What the details panel says about the open post's other-language version,
// NO DOM (tested: translation.test.ts): a button that opens it, named by its
// language and, once loaded, its title.
import { t } from "./i18n";
import type { Lang, Post } from "./types";

export interface TranslationLink {
  /** The post to open. */
  id: number;
  /** The button's text. */
  text: string;
}

/**
 * The link to `post`'s translation, or null when it has none. `twin` is the
 * translation when it has been loaded (null before, or when it could not be).
 */
export function translationLink(post: Post, twin: Pick<Post, "id" | "title" | "lang" | "deleted_at"> | null): TranslationLink | null {
  if (post.translation_of === null) return null;
  const lang: Lang = twin?.lang ?? (post.lang === "en" ? "fr" : "en");
  let text = t("translation-open", { lang });
  if (twin && twin.id === post.translation_of) {
    text = t(twin.deleted_at !== null ? "translation-open-titled-trash" : "translation-open-titled", { lang, title: twin.title });
  }
  return { id: post.translation_of, text };
}
