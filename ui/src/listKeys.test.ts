import { describe, expect, it } from "vitest";
import { targetIndex } from "./listKeys";

describe("list keys", () => {
  it("moves by one, stops at the ends, jumps with Home/End and pages", () => {
    expect(targetIndex("ArrowDown", 0, 3)).toBe(1);
    expect(targetIndex("ArrowDown", 2, 3)).toBe(2);
    expect(targetIndex("ArrowUp", 0, 3)).toBe(0);
    expect(targetIndex("ArrowUp", 2, 3)).toBe(1);
    expect(targetIndex("Home", 2, 3)).toBe(0);
    expect(targetIndex("End", 0, 3)).toBe(2);
    expect(targetIndex("PageDown", 0, 25)).toBe(10);
    expect(targetIndex("PageUp", 5, 25)).toBe(0);
  });

  it("ignores other keys and empty lists", () => {
    expect(targetIndex("a", 0, 3)).toBeNull();
    expect(targetIndex("ArrowDown", 0, 0)).toBeNull();
  });
});
