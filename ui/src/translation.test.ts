import { describe, expect, it } from "vitest";
import { translationLink } from "./translation";
import type { Post } from "./types";

const post = (over: Partial<Post>): Post => ({ id: 1, title: "Rally", lang: "en", translation_of: null, deleted_at: null, ...over }) as Post;

describe("translationLink", () => {
  it("is absent for a post without a translation", () => {
    expect(translationLink(post({}), null)).toBeNull();
  });

  it("opens the other language's version, named before and after it is loaded", () => {
    const en = post({ translation_of: 7 });
    expect(translationLink(en, null)).toEqual({ id: 7, text: "Open the French version" });
    const fr = post({ id: 7, lang: "fr", title: "Rassemblement", translation_of: 1 });
    expect(translationLink(en, fr)).toEqual({ id: 7, text: "Open the French version: \u201cRassemblement\u201d" });
    expect(translationLink(fr, en)).toEqual({ id: 1, text: "Open the English version: \u201cRally\u201d" });
  });

  it("says when the other version is in the trash, and ignores a stale twin", () => {
    const en = post({ translation_of: 7 });
    const trashed = post({ id: 7, lang: "fr", title: "Vieux", deleted_at: "2026-01-01T00:00:00Z" });
    expect(translationLink(en, trashed)?.text).toBe("Open the French version: \u201cVieux\u201d (in the trash)");
    expect(translationLink(en, post({ id: 9, lang: "fr", title: "Autre" }))?.text).toBe("Open the French version");
  });
});
