// The Export dialog's words, NO DOM: the summary line after an export and
// the progress step. In English the core's own sentence (the CLI's); in
// another language the catalogue's sentence made from the numbers and the
// step's kind (tested: exportText.test.ts).
import { language, t } from "./i18n";
import type { ExportProgress, ExportSummary } from "./types";

/** `Exported 23 posts: 5 written, … → DIR` in the interface language. */
export function summaryText(r: ExportSummary): string {
  if (language() === "en") return r.summary;
  return t("export-summary", {
    posts: r.posts,
    written: r.posts_written,
    unchanged: r.posts_unchanged,
    images: r.images,
    removed: r.removed,
    dir: r.out_dir,
  });
}

/** `Writing posts/a/index.md` in the interface language. */
export function stepText(p: ExportProgress): string {
  if (language() === "en") return p.step;
  return t(`export-step-${p.kind}`, { subject: p.subject });
}
