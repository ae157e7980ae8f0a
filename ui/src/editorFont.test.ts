import { describe, expect, it } from "vitest";
import { editorFont, editorFontOf } from "./editorFont";
import type { Setting } from "./types";

const setting = (value: string): Setting => ({ key: "ui.editor_font", value, description: "", default: "proportional", group: "you" });

describe("editor font", () => {
  it("is proportional unless the setting says monospace", () => {
    expect(editorFont([setting("monospace")])).toBe("monospace");
    expect(editorFont([setting("proportional")])).toBe("proportional");
    expect(editorFont([])).toBe("proportional");
    expect(editorFontOf("Comic Sans")).toBe("proportional");
  });
});
