import { describe, expect, it } from "vitest";
import { versionDiffRows } from "./versionDiff";

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
