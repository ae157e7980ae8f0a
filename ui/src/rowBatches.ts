// How the post list fills: the rows a reader can see first, in one go, and
// the rest in small batches between other work. A 1,000-post library took
// ~130 ms of the page's main thread to build at once, before the first
// paint; in batches, a keystroke waits at most for one batch. A refresh
// that finds the list mostly as it was (a save moves one row to the top)
// keeps the rows it has and builds only the changed ones (`reuseRows`).
// No DOM here: library.ts builds the rows.

/** Rows built per later batch (~10 ms of work each on a slow laptop). */
export const BATCH_ROWS = 100;

export interface ListView {
  /** How far the list is scrolled (px). */
  scrollTop: number;
  /** The list's visible height (px). */
  height: number;
  /** The height of one row (px). */
  rowHeight: number;
}

/**
 * The [start, end) ranges of rows to build, in order: the first covers every
 * row down to the bottom of what is in view now (so a scrolled list keeps
 * its place), plus a margin; then batches of `BATCH_ROWS`.
 */
export function rowBatches(total: number, view: ListView, margin = 20): [number, number][] {
  const rowHeight = view.rowHeight > 0 ? view.rowHeight : 1;
  const inView = Math.ceil((Math.max(0, view.scrollTop) + Math.max(0, view.height)) / rowHeight);
  const first = Math.min(total, inView + margin);
  const out: [number, number][] = [];
  if (total === 0) return out;
  out.push([0, first]);
  for (let at = first; at < total; at += BATCH_ROWS) out.push([at, Math.min(total, at + BATCH_ROWS)]);
  return out;
}

/** What a refresh does with the rows already shown. */
export interface RowReuse {
  /** Keep the shown rows whose key is wanted, build the rest, all at once. */
  atOnce: boolean;
  /** The wanted keys no shown row has: the rows to build. */
  build: string[];
  /** The shown keys no longer wanted: the rows to remove. */
  remove: string[];
}

/**
 * `shown` and `wanted` are the rows' keys (a row's key changes whenever
 * what it shows does). When at most one batch of rows is to be built, the
 * refresh reuses the others and is done at once: after a save, one row
 * changes and moves, and the 999 others are neither rebuilt nor laid out
 * again. Otherwise (another filter, the first fill) the list is rebuilt
 * in batches.
 */
export function reuseRows(shown: readonly string[], wanted: readonly string[]): RowReuse {
  const had = new Set(shown);
  const want = new Set(wanted);
  const build = wanted.filter((k) => !had.has(k));
  const remove = shown.filter((k) => !want.has(k));
  return { atOnce: shown.length > 0 && build.length <= BATCH_ROWS, build, remove };
}
