// The Export dialog's words, NO DOM: the summary line after an export, its
// warnings and the progress step. In English the core's own sentence (the CLI's); in
// another language the catalogue's sentence made from the numbers and the
// step's or the warning's kind (tested: exportText.test.ts).
import { language, t } from "./i18n";
import type { ExportProgress, ExportSummary, ExportWarning, RemovedContent, SiteWarning } from "./types";

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

type WarningOf<K extends SiteWarning["kind"]> = Extract<SiteWarning, { kind: K }>;

/** The catalogue's words for what an export removed from a page. */
function removedText(removed: RemovedContent[]): string {
  return removed.map((r) => t(`export-removed-${r.replace(/_/g, "-")}`)).join("; ");
}

/** Each kind's values as its sentence takes them: a new kind of warning
 * does not compile until it is worded here (and in the catalogues). */
const WARNING_ARGS: { [K in SiteWarning["kind"]]: (w: WarningOf<K>) => Record<string, string> } = {
  scheduled_as_draft: (w) => ({ title: w.title }),
  scheduled_left_out: (w) => ({ title: w.title }),
  unsafe_slug: (w) => ({ title: w.title, slug: w.slug, exported: w.exported_as }),
  image_not_in_library: (w) => ({ title: w.title, reference: w.reference }),
  content_removed: (w) => ({ title: w.title, removed: removedText(w.removed) }),
  broken_link: (w) => ({ title: w.title, link: w.link }),
  foreign_manifest: (w) => ({ manifest: w.manifest }),
  stale_file_changed: (w) => ({ path: w.path }),
  stale_file_unreadable: (w) => ({ path: w.path, detail: w.detail }),
};

/** The catalogue key of a warning's kind: `unsafe_slug` → `export-warning-unsafe-slug`. */
export function warningKey(kind: SiteWarning["kind"]): string {
  return `export-warning-${kind.replace(/_/g, "-")}`;
}

/** The catalogue's values for a warning (`removed` worded in the interface language). */
export function warningArgs(w: SiteWarning): Record<string, string> {
  return (WARNING_ARGS[w.kind] as (w: SiteWarning) => Record<string, string>)(w);
}

/** A warning after an export in the interface language (the core's sentence in English). */
export function warningText(w: ExportWarning): string {
  if (language() === "en") return w.message;
  return t(warningKey(w.warning.kind), warningArgs(w.warning));
}
