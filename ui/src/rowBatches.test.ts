import { describe, expect, it } from "vitest";
import { BATCH_ROWS, rowBatches } from "./rowBatches";

const top = { scrollTop: 0, height: 520, rowHeight: 52 };

describe("rowBatches", () => {
  it("builds what is in view plus a margin first, then the rest in batches, each row once", () => {
    const b = rowBatches(1000, top);
    expect(b[0]).toEqual([0, 30]);
    expect(b.slice(1).every(([s, e]) => e - s <= BATCH_ROWS)).toBe(true);
    const rows = b.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i));
    expect(rows).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("keeps a scrolled list's place: the first batch reaches below the rows in view", () => {
    const [[, end]] = rowBatches(1000, { ...top, scrollTop: 52 * 600 });
    expect(end).toBeGreaterThanOrEqual(610);
  });

  it("handles short and empty lists and odd measurements", () => {
    expect(rowBatches(0, top)).toEqual([]);
    expect(rowBatches(5, top)).toEqual([[0, 5]]);
    expect(rowBatches(3, { scrollTop: -10, height: 0, rowHeight: 0 })).toEqual([[0, 3]]);
  });
});
