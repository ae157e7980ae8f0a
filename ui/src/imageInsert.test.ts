import { describe, expect, it } from "vitest";
import { imageMarkdownWith, type ImageSteps } from "./imageInsert";

/** Steps that record what was stored; the dialog answers `alt`. */
function steps(alt: string | null): ImageSteps & { stored: string[] } {
  const stored: string[] = [];
  return {
    stored,
    askAlt: async () => alt,
    read: async () => "aGVsbG8=",
    store: async (name: string) => {
      stored.push(name);
      return "asset:0123456789abcdef";
    },
  };
}

const file = { name: "rally-photo_2.png" } as File;

describe("imageMarkdownWith", () => {
  it("stores nothing and inserts nothing when the alt-text dialog is cancelled", async () => {
    const s = steps(null);
    expect(await imageMarkdownWith(file, s)).toBeNull();
    expect(s.stored).toEqual([]);
  });

  it("stores the image once the alt text is given, and inserts it", async () => {
    const s = steps("Rally [photo]");
    expect(await imageMarkdownWith(file, s)).toBe("![Rally photo](asset:0123456789abcdef)");
    expect(s.stored).toEqual(["rally-photo_2.png"]);
  });

  it("offers the file's name as the alt text", async () => {
    let offered = "";
    const s = steps("x");
    s.askAlt = async (suggestion) => {
      offered = suggestion;
      return "x";
    };
    await imageMarkdownWith(file, s);
    expect(offered).toBe("rally photo 2");
  });
});
