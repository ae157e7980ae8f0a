import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "./i18n";
import { diffNoticeText, versionDiffRows } from "./versionDiff";

describe("diffNoticeText", () => {
  afterEach(() => setLanguage("en"));

  it("says why a comparison is not whole, in English and in French", () => {
    const large = { kind: "too_large", removed: 3, added: 100000 } as const;
    expect(diffNoticeText(large)).toBe(
      "These versions are too large to compare line by line: about 100,003 lines changed (3 in this version, 100,000 in the current text).",
    );
    expect(diffNoticeText({ kind: "simplified" })).toMatch(/^This comparison took too long/);
    setLanguage("fr");
    expect(diffNoticeText(large)).toMatch(/^Ces versions sont trop longues pour être comparées ligne par ligne : environ 100\s003 lignes ont changé \(3 dans cette version, 100\s000 dans le texte actuel\)\.$/);
    expect(diffNoticeText({ kind: "simplified" })).toMatch(/^Cette comparaison prenait trop de temps/);
  });
});

describe("versionDiffRows", () => {
  it("shows the changed title and teaser before the body", () => {
    const rows = versionDiffRows({
      fields: [
        { field: "title", old: "Rally on Friday", new: "Rally on Saturday" },
        { field: "summary", old: "", new: "Bring a sign." },
      ],
      body: { lines: [{ kind: "removed", text: "Meet at noon." }, { kind: "added", text: "Meet at one." }], notice: null },
    });
    expect(rows).toEqual([
      { heading: "Title" },
      { kind: "removed", text: "− Rally on Friday" },
      { kind: "added", text: "+ Rally on Saturday" },
      { heading: "Teaser" },
      { kind: "removed", text: "− (none: the first paragraph is used)" },
      { kind: "added", text: "+ Bring a sign." },
      { heading: "Body" },
      { kind: "removed", text: "− Meet at noon." },
      { kind: "added", text: "+ Meet at one." },
    ]);
  });

  it("says the body is unchanged when only a field changed", () => {
    const rows = versionDiffRows({
      fields: [{ field: "title", old: "A", new: "B" }],
      body: { lines: [{ kind: "same", text: "Words." }], notice: null },
    });
    expect(rows.slice(3)).toEqual([{ heading: "Body" }, { kind: "same", text: "  (unchanged)" }]);
  });

  it("is the body's lines alone when no field changed", () => {
    const rows = versionDiffRows({ fields: [], body: { lines: [{ kind: "same", text: "Words." }], notice: null } });
    expect(rows).toEqual([{ kind: "same", text: "  Words." }]);
  });
});
