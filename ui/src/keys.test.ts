import { describe, expect, it } from "vitest";
import { nextZoom, shortcutText, storedZoom, ZOOM_STEPS } from "./keys";

describe("shortcutText", () => {
  it("leaves Ctrl alone outside macOS", () => {
    expect(shortcutText("Search posts (Ctrl+Shift+F)", "other")).toBe("Search posts (Ctrl+Shift+F)");
  });
  it("writes macOS symbols in macOS order", () => {
    expect(shortcutText("Search posts (Ctrl+Shift+F)", "mac")).toBe("Search posts (⇧⌘F)");
    expect(shortcutText("Nouvel article (Ctrl+N)", "mac")).toBe("Nouvel article (⌘N)");
    expect(shortcutText("Ctrl+Alt+Shift+1", "mac")).toBe("⌥⇧⌘1");
    expect(shortcutText("Ctrl+=", "mac")).toBe("⌘=");
  });
  it("turns a lone Ctrl (a <kbd>) into ⌘ and leaves other words alone", () => {
    expect(shortcutText("Ctrl", "mac")).toBe("⌘");
    expect(shortcutText("Controls and Ctrlx", "mac")).toBe("Controls and Ctrlx");
  });
});

describe("zoom", () => {
  it("steps in, out and back to actual size, within the bounds", () => {
    expect(nextZoom(1, 1)).toBe(1.1);
    expect(nextZoom(1, -1)).toBe(0.9);
    expect(nextZoom(2.5, 0)).toBe(1);
    expect(nextZoom(3, 1)).toBe(3);
    expect(nextZoom(0.5, -1)).toBe(0.5);
    expect(nextZoom(1.05, 1)).toBe(1.1);
  });
  it("accepts only a known stored level", () => {
    expect(storedZoom("1.25")).toBe(1.25);
    expect(storedZoom("7")).toBe(1);
    expect(storedZoom(null)).toBe(1);
    expect(ZOOM_STEPS).toContain(1);
  });
});
