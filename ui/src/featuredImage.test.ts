import { describe, expect, it } from "vitest";
import { featuredChoices, featuredSummary } from "./featuredImage";

const images = [
  { reference: "asset:00000000000000aa", file_name: "rally.png", url: "pdasset://localhost/00000000000000aa" },
  { reference: "asset:00000000000000bb", file_name: "banner.jpg", url: "pdasset://localhost/00000000000000bb" },
];

describe("featured image picker", () => {
  it("offers every image of the post, marking the current one", () => {
    const choices = featuredChoices(images, " asset:00000000000000bb ");
    expect(choices.map((c) => [c.label, c.current])).toEqual([
      ["rally.png", false],
      ["banner.jpg", true],
    ]);
    expect(choices[0].url).toBe("pdasset://localhost/00000000000000aa");
  });

  it("says what the field holds now", () => {
    expect(featuredSummary("", images)).toBe("No featured image.");
    expect(featuredSummary("asset:00000000000000aa", images)).toBe("Now: rally.png.");
    expect(featuredSummary("asset:00000000000000cc", images)).toBe("Now: an image that is no longer in the library.");
    expect(featuredSummary("https://example.org/a.png", images)).toBe("The image at https://example.org/a.png.");
  });
});
