// What the details panel says about the open post's other-language version,
// NO DOM (tested: translation.test.ts): a button that opens it, named by its
// language and, once loaded, its title.
import type { Lang, Post } from "./types";

/** The languages' names as the button says them. */
const LANGUAGE: Record<Lang, string> = { en: "English", fr: "French" };

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
  let text = `Open the ${LANGUAGE[lang]} version`;
  if (twin && twin.id === post.translation_of) {
    text += `: \u201c${twin.title}\u201d`;
    if (twin.deleted_at !== null) text += " (in the trash)";
  }
  return { id: post.translation_of, text };
}
