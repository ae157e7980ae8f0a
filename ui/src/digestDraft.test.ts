import { describe, expect, it } from "vitest";
import { digestSource, langChoice, restoredDraft } from "./digestDraft";
import type { DigestDraft } from "./types";

const draft: DigestDraft = { ids: [4, 2, 9, 2], intro: "Hello", subject: "  ", esp: "", lang: "fr" };

describe("digest draft", () => {
  it("keeps the order of the posts still in the library, once each", () => {
    expect(restoredDraft(draft, new Set([2, 4])).ids).toEqual([4, 2]);
    expect(restoredDraft(draft, new Set([2, 4])).intro).toBe("Hello");
  });

  it("asks for the digest in the chosen language, empty fields meaning the defaults", () => {
    expect(digestSource(draft)).toEqual({ kind: "digest", ids: [4, 2, 9, 2], intro: "Hello", subject: null, esp: null, lang: "fr" });
    expect(digestSource({ ...draft, subject: "News", esp: "mailchimp", lang: null })).toMatchObject({ subject: "News", esp: "mailchimp", lang: null });
  });

  it("reads the language choice", () => {
    expect(langChoice("fr")).toBe("fr");
    expect(langChoice("en")).toBe("en");
    expect(langChoice("")).toBeNull();
    expect(langChoice("de")).toBeNull();
  });
});
