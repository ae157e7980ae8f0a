// The History panel's comparison as lines to paint, NO DOM (tested:
// versionDiff.test.ts): the title and teaser that changed, each as its old
// and new value, then the body's lines under a heading.
import type { DiffKind, DiffLine, DiffNotice, FieldChange, VersionDiff } from "./types";
import { t } from "./i18n";

const FIELD_LABELS = (): Record<FieldChange["field"], string> => ({ title: t("ui-title"), summary: t("ui-teaser") });
/** An empty teaser: the preview uses the first paragraph. */
const NO_TEASER = () => t("diff-no-teaser");
const MARKS: Record<DiffKind, string> = { added: "+", removed: "−", same: " ", skipped: "⋯" };

/** Why the comparison is not a whole line-by-line diff, in the interface's language. */
export function diffNoticeText(n: DiffNotice): string {
  switch (n.kind) {
    case "too_large":
      return t("diff-notice-too-large", { total: n.removed + n.added, removed: n.removed, added: n.added });
    case "simplified":
      return t("diff-notice-simplified");
  }
}

/** One painted row: a heading, or a line of a diff with its kind. */
export type DiffRow = { heading: string } | { kind: DiffKind; text: string };

/** A body line as the panel shows it: its mark, a space, its text. */
export function bodyRow(l: DiffLine): DiffRow {
  return { kind: l.kind, text: `${MARKS[l.kind]} ${l.text}` };
}

export function versionDiffRows(d: VersionDiff): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const f of d.fields) {
    const shown = (v: string) => (f.field === "summary" && v.trim() === "" ? NO_TEASER() : v);
    rows.push(
      { heading: FIELD_LABELS()[f.field] },
      { kind: "removed", text: `${MARKS.removed} ${shown(f.old)}` },
      { kind: "added", text: `${MARKS.added} ${shown(f.new)}` },
    );
  }
  if (d.fields.length > 0) rows.push({ heading: t("diff-body") });
  if (d.fields.length > 0 && d.body.lines.every((l) => l.kind === "same")) rows.push({ kind: "same", text: `  ${t("diff-unchanged")}` });
  else rows.push(...d.body.lines.map(bodyRow));
  return rows;
}
