import { describe, expect, it } from "vitest";
import { BATCH_ROWS, reuseRows, rowBatches } from "./rowBatches";

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

describe("reuseRows", () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `${i}|Post ${i}`);

  it("after a save keeps every row but the saved one, which is built again, at once", () => {
    const shown = keys(1000);
    const saved = "500|Post 500 edited";
    const r = reuseRows(shown, [saved, ...shown.filter((k) => k !== "500|Post 500")]);
    expect(r).toEqual({ atOnce: true, build: [saved], remove: ["500|Post 500"] });
  });

  it("keeps rows that only moved", () => {
    const shown = keys(3);
    expect(reuseRows(shown, [shown[2], shown[0], shown[1]])).toEqual({ atOnce: true, build: [], remove: [] });
  });

  it("rebuilds in batches when more than a batch of rows is new, and on the first fill", () => {
    expect(reuseRows(keys(1000), keys(1000).map((k) => `${k} (fr)`)).atOnce).toBe(false);
    expect(reuseRows([], keys(10)).atOnce).toBe(false);
    expect(reuseRows(keys(10), keys(10 + BATCH_ROWS)).atOnce).toBe(true);
    expect(reuseRows(keys(10), keys(11 + BATCH_ROWS)).atOnce).toBe(false);
  });

  it("empties the list when nothing is wanted", () => {
    expect(reuseRows(keys(2), [])).toEqual({ atOnce: true, build: [], remove: keys(2) });
  });
});
